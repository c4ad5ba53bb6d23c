package io.github.camelsaas.common.retry;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the instants servers announce: {@code Retry-After} and rate-limit reset headers. */
public final class RetryAfter {

    /** Anything past this is taken as epoch seconds rather than a number of seconds to wait. */
    private static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;

    private RetryAfter() {
    }

    /**
     * Parses {@code Retry-After}: a number of seconds, or an HTTP date (RFC 1123, e.g.
     * {@code Wed, 21 Oct 2015 07:28:00 GMT}). Empty when absent or unreadable.
     */
    public static Optional<Instant> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        Optional<Instant> seconds = parseSecondsFrom(trimmed, now);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            return Optional.of(ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses a reset header that may hold either seconds to wait (Zuora's {@code RateLimit-Reset}) or epoch
     * seconds (Kustomer's {@code x-ratelimit-reset}): values past 10^9 are taken as epoch seconds.
     */
    public static Optional<Instant> parseReset(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            // a list such as "10, 50;w=60" names the first (shortest) window's reset first
            String first = value.split(",")[0].split(";")[0].trim();
            long number = (long) Math.ceil(Double.parseDouble(first));
            if (number < 0) {
                return Optional.empty();
            }
            return Optional.of(number >= EPOCH_SECONDS_THRESHOLD ? Instant.ofEpochSecond(number)
                    : now.plusSeconds(number));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> parseSecondsFrom(String value, Instant now) {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds < 0 || Double.isNaN(seconds)) {
                return Optional.empty();
            }
            return Optional.of(now.plusMillis((long) Math.ceil(seconds * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
