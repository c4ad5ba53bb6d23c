package io.github.camelsaas.zuora.objects.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackIdsTest {

    @Test
    void sixtyFourPrintableAsciiCharactersAreFine() {
        String trackId = "batch-2026-11-23_run#7 (retry) " + "x".repeat(33);

        assertThat(trackId).hasSize(64);
        assertThat(TrackIds.require(trackId, "option trackId")).isEqualTo(trackId);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a:b", "a;b", "a\"b", "a'b", "a\u00e9", "a\tb", "a\rb", "a\nb" })
    void forbiddenCharactersAreRefusedNamingTheSource(String trackId) {
        assertThatThrownBy(() -> TrackIds.require(trackId, "header CamelZuoraObjectsTrackId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid Zuora-Track-Id in header CamelZuoraObjectsTrackId: it contains")
                .hasMessageContaining("position 1");
    }

    @Test
    void overSixtyFourCharactersIsRefused() {
        assertThatThrownBy(() -> TrackIds.require("x".repeat(65), "option trackId"))
                .hasMessageContaining("it is 65 characters long");
    }
}
