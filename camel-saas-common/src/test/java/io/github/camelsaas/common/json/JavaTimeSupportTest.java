package io.github.camelsaas.common.json;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ISO fallback used when jackson-datatype-jsr310 is absent. It is on the test classpath (through WireMock),
 * so the fallback is exercised directly here.
 */
class JavaTimeSupportTest {

    public static class Event {
        public Instant at;
        public LocalDate day;
        public OffsetDateTime local;
        public Duration took;
    }

    private final ObjectMapper isoOnly = JsonMapper.builder().addModule(JavaTimeSupport.isoTextModule()).build();

    @Test
    void writesIsoTextAndReadsItBack() throws Exception {
        Event event = new Event();
        event.at = Instant.parse("2024-01-02T03:04:05.678Z");
        event.day = LocalDate.of(2024, 1, 2);
        event.local = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2));
        event.took = Duration.ofSeconds(90);

        String text = isoOnly.writeValueAsString(event);

        assertThat(text).isEqualTo("{\"at\":\"2024-01-02T03:04:05.678Z\",\"day\":\"2024-01-02\","
                + "\"local\":\"2024-01-02T03:04:05+02:00\",\"took\":\"PT1M30S\"}");
        Event back = isoOnly.readValue(text, Event.class);
        assertThat(back.at).isEqualTo(event.at);
        assertThat(back.day).isEqualTo(event.day);
        assertThat(back.local).isEqualTo(event.local);
        assertThat(back.took).isEqualTo(event.took);
    }

    @Test
    void badDateTextIsAFormatError() {
        assertThatThrownBy(() -> isoOnly.readValue("{\"day\":\"02/01/2024\"}", Event.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("not ISO-8601");
    }

    @Test
    void defaultMapperUsesJsr310WhenPresent() {
        assertThat(DefaultObjectMapper.INSTANCE.getRegisteredModuleIds())
                .anySatisfy(id -> assertThat(id.toString()).contains("jsr310"));
    }
}
