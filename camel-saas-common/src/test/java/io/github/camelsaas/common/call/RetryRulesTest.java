package io.github.camelsaas.common.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;

import io.github.camelsaas.common.http.HttpTransportException;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.ratelimit.RateLimitUnavailableException;
import io.github.camelsaas.common.retry.RetryClassifier;
import io.github.camelsaas.common.retry.RetryDecision;
import org.junit.jupiter.api.Test;

class RetryRulesTest {

    private static final RetryRules RULES = RetryRules.withResetHeader("RateLimit-Reset");

    private final RetryClassifier<SaasHttpResponse> create = RULES.classifier(false);
    private final RetryClassifier<SaasHttpResponse> read = RULES.classifier(true);

    private static SaasHttpResponse status(int status, String... headers) {
        return SaasHttpResponse.of(status, "", headers);
    }

    @Test
    void tooManyRequestsIsAlwaysRetriedAtTheAnnouncedTime() {
        RetryDecision decision = create.classify(status(429, "Retry-After", "30"), null, 1);
        assertThat(decision.isRetry()).isTrue();
        assertThat(decision.notBefore()).isBetween(Instant.now().plusSeconds(29), Instant.now().plusSeconds(31));
        assertThat(create.classify(status(429), null, 1).notBefore()).isNull(); // backoff when nothing is said
    }

    @Test
    void serverErrorsAreRetriedOnlyForIdempotentCalls() {
        for (int code : new int[] { 500, 502, 503, 504 }) {
            assertThat(read.classify(status(code), null, 1).isRetry()).as("read %d", code).isTrue();
            assertThat(create.classify(status(code), null, 1).isRetry()).as("create %d", code).isFalse();
        }
        assertThat(read.classify(status(501), null, 1).isRetry()).isFalse();
        assertThat(read.classify(status(400), null, 1).isRetry()).isFalse();
        assertThat(read.classify(status(200), null, 1).isRetry()).isFalse();
    }

    @Test
    void aRequestThatNeverReachedTheServerIsAlwaysRetried() {
        HttpTransportException refused = new HttpTransportException("POST", "/x", "refused", null, true, false);
        HttpTransportException reset = new HttpTransportException("POST", "/x", "reset", null, false, false);
        assertThat(create.classify(null, refused, 1).isRetry()).isTrue();
        assertThat(create.classify(null, reset, 1).isRetry()).isFalse();
        assertThat(read.classify(null, reset, 1).isRetry()).isTrue();
        assertThat(read.classify(null, new IOException("other"), 1).isRetry()).isFalse();
    }

    @Test
    void aCallNotSentBecauseTheSharedRateLimitStoreWasDownIsRetriedEvenForACreate() {
        RateLimitUnavailableException redisDown = new RateLimitUnavailableException("Redis down", null);
        assertThat(create.classify(null, redisDown, 1).isRetry()).isTrue();
        assertThat(create.classify(null, redisDown, 1).notBefore()).isNull(); // after a backoff
    }

    @Test
    void theLaterOfRetryAfterAndResetWins() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(RULES.serverRetryTime(status(429, "Retry-After", "5", "RateLimit-Reset", "9"), now))
                .contains(now.plusSeconds(9));
        assertThat(RetryRules.withResetHeader("x-ratelimit-reset").serverRetryTime(status(429, "x-ratelimit-reset",
                Long.toString(now.plusSeconds(12).getEpochSecond())), now)).contains(now.plusSeconds(12));
        assertThat(RULES.serverRetryTime(status(429), now)).isEmpty();
    }

    @Test
    void onlyTheVendorsOwnResetHeaderIsRead() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(RULES.serverRetryTime(status(429, "x-ratelimit-reset",
                Long.toString(now.plusSeconds(12).getEpochSecond())), now)).isEmpty();
    }

    @Test
    void aRecordMayBeResentAfterA429AlwaysAndAfterATransientErrorOnlyWhenIdempotent() {
        assertThat(RetryRules.mayResend(429, false)).isTrue();
        assertThat(RetryRules.mayResend(503, true)).isTrue();
        assertThat(RetryRules.mayResend(503, false)).isFalse();
        assertThat(RetryRules.mayResend(500, false)).isFalse();
        assertThat(RetryRules.mayResend(400, true)).isFalse();
    }
}
