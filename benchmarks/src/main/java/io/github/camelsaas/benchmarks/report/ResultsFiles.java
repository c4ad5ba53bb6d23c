package io.github.camelsaas.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a run writes its JSON when {@code --out} is not given. A whole run writes {@code latest.json} (or
 * {@code latest-quick.json} with {@code --quick}); a run of some scenarios or variants only is named after them,
 * e.g. {@code scenario2-latest.json} or {@code scenario1-1a-1e-latest.json}, because the file holds only what ran:
 * written to {@code latest.json}, it would drop the other scenarios' committed results.
 */
public final class ResultsFiles {

    private ResultsFiles() {
    }

    public static Path defaultFile(Path dir, String mode, Set<String> scenarios, Set<String> variants) {
        List<String> parts = new ArrayList<>();
        if (!scenarios.isEmpty()) {
            parts.add("scenario" + String.join("-", new TreeSet<>(scenarios)));
        }
        parts.addAll(new TreeSet<>(variants));
        parts.add("latest");
        if ("quick".equals(mode)) {
            parts.add("quick");
        }
        return dir.resolve(String.join("-", parts) + ".json");
    }
}
