package io.github.camelsaas.common.failure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordOutcomeTest {

    @Test
    void successHasAValueAndNoFailure() {
        RecordOutcome<String> outcome = RecordOutcome.success(2, "id-2");

        assertThat(outcome.isSuccess()).isTrue();
        assertThat(outcome.isFailure()).isFalse();
        assertThat(outcome.index()).isEqualTo(2);
        assertThat(outcome.value()).isEqualTo("id-2");
        assertThatThrownBy(outcome::failedRecord).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failureTakesItsIndexFromTheFailedRecordAndHasNoValue() {
        FailedRecord failed = FailedRecord.validation(5, "secret-record", "bad");
        RecordOutcome<String> outcome = RecordOutcome.failure(failed);

        assertThat(outcome.isFailure()).isTrue();
        assertThat(outcome.index()).isEqualTo(5);
        assertThat(outcome.failedRecord()).isSameAs(failed);
        assertThatThrownBy(outcome::value).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withIndexMovesSuccessesAndFailures() {
        assertThat(RecordOutcome.success(0, "v").withIndex(9).index()).isEqualTo(9);
        assertThat(RecordOutcome.success(0, "v").withIndex(9).value()).isEqualTo("v");
        assertThat(RecordOutcome.failure(FailedRecord.validation(0, null, "m")).withIndex(9).failedRecord().index())
                .isEqualTo(9);
    }

    @Test
    void toStringNeverShowsTheValueOrRecord() {
        assertThat(RecordOutcome.success(1, "jane.doe@example.com").toString())
                .contains("#1").doesNotContain("jane.doe");
        assertThat(RecordOutcome.failure(FailedRecord.validation(1, "jane.doe@example.com", "bad")).toString())
                .contains("#1", "bad").doesNotContain("jane.doe");
    }
}
