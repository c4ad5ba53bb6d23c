package io.github.camelsaas.common.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartialFailureExceptionTest {

    @Test
    void messageNamesCountsAndTheFirstFailures() {
        List<FailedRecord> failed = List.of(
                FailedRecord.fromResponse(4, "r4", 400, "71012520", "invalid value", false),
                FailedRecord.validation(17, "r17", "name is required"));

        PartialFailureException e = new PartialFailureException(List.of("a", "b", "c"), failed, 5);

        assertThat(e).isInstanceOf(RuntimeCamelException.class);
        assertThat(e.getMessage())
                .isEqualTo("2 of 5 records failed: #4 (400 71012520: invalid value), #17 (name is required)");
    }

    @Test
    void messageListsOnlyTheFirstFewAndStaysShortWhenThousandsFail() {
        List<FailedRecord> failed = IntStream.range(0, 2_500)
                .mapToObj(i -> FailedRecord.fromResponse(i, "record " + i, 400, "E" + i, "y".repeat(1_000), false))
                .toList();

        PartialFailureException e = new PartialFailureException(List.of(), failed, 2_500);

        assertThat(e.getMessage())
                .startsWith("2500 of 2500 records failed: #0 (400 E0: ")
                .contains("#4 (400 E4")
                .doesNotContain("#5 (")
                .endsWith(", ... and 2495 more")
                .doesNotContain("record 0");
        assertThat(e.getMessage().length()).isLessThan(1_000);
    }

    @Test
    void carriesSuccessesFailuresAndTotalAsGiven() {
        List<Object> succeeded = new ArrayList<>(List.of("id-0", "id-2"));
        succeeded.add(null); // an operation may have no result value
        List<FailedRecord> failed = List.of(FailedRecord.validation(1, "r1", "bad"));

        PartialFailureException e = new PartialFailureException(succeeded, failed, 4);
        succeeded.clear(); // the exception keeps its own copy

        assertThat(new ArrayList<Object>(e.getSucceeded())).containsExactly("id-0", "id-2", null);
        assertThat(e.getFailedRecords()).containsExactlyElementsOf(failed);
        assertThat(e.getTotalRecords()).isEqualTo(4);
        assertThatThrownBy(() -> e.getFailedRecords().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsCountsThatDoNotAddUpAndAnEmptyFailureList() {
        List<FailedRecord> oneFailure = List.of(FailedRecord.validation(0, null, "bad"));

        assertThatThrownBy(() -> new PartialFailureException(List.of("a"), oneFailure, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must equal totalRecords (3)");
        assertThatThrownBy(() -> new PartialFailureException(List.of("a"), List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one failed record");
    }

    @Test
    void recordFailedExceptionIsAPartialFailureOfOneRecord() {
        FailedRecord failed = FailedRecord.fromResponse(0, "jane.doe@example.com", 400, "E1", "bad email", false);

        RecordFailedException e = new RecordFailedException(failed);

        assertThat(e).isInstanceOf(PartialFailureException.class);
        assertThat(e.getFailedRecord()).isSameAs(failed);
        assertThat(e.getFailedRecords()).containsExactly(failed);
        assertThat(e.getSucceeded()).isEmpty();
        assertThat(e.getTotalRecords()).isEqualTo(1);
        assertThat(e.getMessage()).isEqualTo("record failed: #0 (400 E1: bad email)").doesNotContain("jane.doe");
    }
}
