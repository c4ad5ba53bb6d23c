package io.github.camelsaas.kustomer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import io.github.camelsaas.kustomer.KustomerResource;

/** Values in paths: encoded into one segment, and refused when no encoding keeps them there. */
class KustomerPathsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../customers        | ..%2Fcustomers",
        "..%2Fcustomers      | ..%252Fcustomers",
        "a?b=c#d             | a%3Fb%3Dc%23d",
        "'a b+c'             | a%20b%2Bc",
        "ordér               | ord%C3%A9r",
        "ada@example.com     | ada@example.com",
        "...                 | ...",
    })
    void everyOtherValueIsEncodedIntoOneSegment(String value, String segment) {
        assertThat(KustomerPaths.segmentProblem(value)).isNull();
        assertThat(KustomerPaths.segment(value)).isEqualTo(segment);
        assertThat(KustomerPaths.item(KustomerResource.kobjects, "order", value).path())
                .isEqualTo("/v1/klasses/order/" + segment);
    }

    @ParameterizedTest
    @ValueSource(strings = { ".", "..", "", "o-1\r\nX-Injected: 1", "o-1\n", "tab\there", "nul\u0000" })
    void dotSegmentsEmptyValuesAndControlCharactersAreRefused(String value) {
        assertThat(KustomerPaths.segmentProblem(value)).isNotNull();
        assertThatThrownBy(() -> KustomerPaths.create(KustomerResource.kobjects, "order", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("it cannot name a Kustomer resource");
    }

    @Test
    void theMessageSaysWhatIsWrongWithoutQuotingAControlCharacter() {
        assertThat(KustomerPaths.segmentProblem("..")).isEqualTo("is '..', which a URL path resolves as a relative "
                + "reference");
        assertThat(KustomerPaths.segmentProblem("o-1\r\nX: 1")).isEqualTo("contains a control character at "
                + "position 3");
        assertThatThrownBy(() -> KustomerPaths.requireSegment("", "header CamelKustomerId"))
                .hasMessage("header CamelKustomerId is empty: it cannot name a Kustomer resource");
    }
}
