package io.github.camelsaas.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Only a whole run may write latest.json; a run of some scenarios or variants gets a file named after them. */
class ResultsFilesTest {

    private static final Path DIR = Path.of("results");

    @Test
    void aWholeRunWritesLatestAndAPartialOneAFileOfItsOwn() {
        assertThat(ResultsFiles.defaultFile(DIR, "full", Set.of(), Set.of())).isEqualTo(DIR.resolve("latest.json"));
        assertThat(ResultsFiles.defaultFile(DIR, "quick", Set.of(), Set.of()))
                .isEqualTo(DIR.resolve("latest-quick.json"));
        assertThat(ResultsFiles.defaultFile(DIR, "full", Set.of("2"), Set.of()))
                .isEqualTo(DIR.resolve("scenario2-latest.json"));
        assertThat(ResultsFiles.defaultFile(DIR, "quick", Set.of("2"), Set.of()))
                .isEqualTo(DIR.resolve("scenario2-latest-quick.json"));
        // sorted, so the same choice always names the same file
        assertThat(ResultsFiles.defaultFile(DIR, "full", new LinkedHashSet<>(List.of("3", "1")),
                new LinkedHashSet<>(List.of("1e", "1a")))).isEqualTo(DIR.resolve("scenario1-3-1a-1e-latest.json"));
    }
}
