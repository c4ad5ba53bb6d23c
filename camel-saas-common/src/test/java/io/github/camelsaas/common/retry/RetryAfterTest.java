package io.github.camelsaas.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void secondsToWait() {
        assertThat(RetryAfter.parse("120", now)).contains(now.plusSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", now)).contains(now);
        assertThat(RetryAfter.parse("1.5", now)).contains(now.plusMillis(1500));
    }

    @Test
    void httpDate() {
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 10:01:30 GMT", now))
                .contains(Instant.parse("2026-11-23T10:01:30Z"));
    }

    @Test
    void unreadableOrMissingValuesGiveNothing() {
        assertThat(RetryAfter.parse(null, now)).isEmpty();
        assertThat(RetryAfter.parse("", now)).isEmpty();
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("-5", now)).isEmpty();
    }

    @Test
    void resetHeadersInSecondsOrEpochSeconds() {
        // Zuora: RateLimit-Reset holds seconds until the window resets
        assertThat(RetryAfter.parseReset("42", now)).contains(now.plusSeconds(42));
        // Kustomer: x-ratelimit-reset holds the reset time in epoch seconds
        long epoch = now.plusSeconds(30).getEpochSecond();
        assertThat(RetryAfter.parseReset(Long.toString(epoch), now)).contains(now.plusSeconds(30));
        // a structured list names the shortest window first
        assertThat(RetryAfter.parseReset("7, 50;w=60", now)).contains(now.plusSeconds(7));
        assertThat(RetryAfter.parseReset("x", now)).isEmpty();
    }
}
