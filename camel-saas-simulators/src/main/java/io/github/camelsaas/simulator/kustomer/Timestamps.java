package io.github.camelsaas.simulator.kustomer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Kustomer's timestamp format: UTC with milliseconds, always three digits ({@code 2016-11-12T05:39:36.976Z}). */
final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** An RFC 3339 date-time (the spec's {@code format: date-time}): offset required, fraction optional. */
    static boolean isDateTime(Object value) {
        return value instanceof String s && parse(s) != null;
    }

    /** The instant of an RFC 3339 date-time, or null when the text is not one. */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
