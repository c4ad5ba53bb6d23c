package io.github.camelsaas.common.failure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailedRecordTest {

    private static final Map<String, Object> PERSONAL_RECORD
            = Map.of("email", "jane.doe@example.com", "name", "Jane Doe");

    @Test
    void validationHasNoStatusAndIsNotRetryable() {
        FailedRecord failed = FailedRecord.validation(3, PERSONAL_RECORD, "field 'name' is required");

        assertThat(failed.index()).isEqualTo(3);
        assertThat(failed.record()).isSameAs(PERSONAL_RECORD);
        assertThat(failed.httpStatus()).isNull();
        assertThat(failed.vendorCode()).isNull();
        assertThat(failed.message()).isEqualTo("field 'name' is required");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void fromResponseKeepsStatusCodeAndRetryability() {
        FailedRecord failed = FailedRecord.fromResponse(4, PERSONAL_RECORD, 400, "71012520", "invalid value", false);

        assertThat(failed.httpStatus()).isEqualTo(400);
        assertThat(failed.vendorCode()).isEqualTo("71012520");
        assertThat(failed.retryable()).isFalse();
        assertThat(FailedRecord.fromResponse(0, null, 503, null, "unavailable", true).retryable()).isTrue();
    }

    @Test
    void notSentHasNoStatusAndDefaultsToNotRetryable() {
        FailedRecord tooBig = FailedRecord.notSent(1, PERSONAL_RECORD, "record is 2 MB, the limit is 1 MB");
        FailedRecord stopped = FailedRecord.notSent(2, PERSONAL_RECORD, "producer stopped", true);

        assertThat(tooBig.httpStatus()).isNull();
        assertThat(tooBig.retryable()).isFalse();
        assertThat(stopped.retryable()).isTrue();
    }

    @Test
    void toStringAndSummaryShowWhereAndWhyButNeverTheRecord() {
        FailedRecord failed = FailedRecord.fromResponse(4, PERSONAL_RECORD, 400, "71012520", "invalid value", false);

        assertThat(failed.toString())
                .contains("#4", "400", "71012520", "invalid value")
                .doesNotContain("jane.doe@example.com", "Jane Doe");
        assertThat(failed.summary())
                .isEqualTo("#4 (400 71012520: invalid value)")
                .doesNotContain("jane.doe@example.com");
    }

    @Test
    void summaryLeavesOutWhatIsUnknown() {
        assertThat(FailedRecord.validation(7, PERSONAL_RECORD, "name is required").summary())
                .isEqualTo("#7 (name is required)");
        assertThat(FailedRecord.fromResponse(8, null, 500, null, "boom", true).summary())
                .isEqualTo("#8 (500: boom)");
    }

    @Test
    void longMessagesAreCutInStringsButKeptWhole() {
        String longMessage = "x".repeat(5_000);
        FailedRecord failed = FailedRecord.validation(0, null, longMessage);

        assertThat(failed.message()).isEqualTo(longMessage);
        assertThat(failed.toString()).hasSizeLessThan(300).endsWith("...]");
        assertThat(failed.summary()).hasSizeLessThan(300);
    }

    @Test
    void withIndexMovesOnlyTheIndex() {
        FailedRecord inBatch = FailedRecord.fromResponse(17, PERSONAL_RECORD, 422, "E1", "bad", true);

        FailedRecord rebased = inBatch.withIndex(0);

        assertThat(rebased.index()).isZero();
        assertThat(rebased.record()).isSameAs(PERSONAL_RECORD);
        assertThat(rebased.httpStatus()).isEqualTo(422);
        assertThat(rebased.vendorCode()).isEqualTo("E1");
        assertThat(rebased.message()).isEqualTo("bad");
        assertThat(rebased.retryable()).isTrue();
        assertThat(inBatch.index()).isEqualTo(17);
    }

    @Test
    void rejectsNegativeIndexAndMissingMessage() {
        assertThatThrownBy(() -> FailedRecord.validation(-1, null, "m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> FailedRecord.validation(0, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("message");
    }
}
