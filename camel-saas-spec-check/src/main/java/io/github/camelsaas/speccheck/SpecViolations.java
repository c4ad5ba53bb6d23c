package io.github.camelsaas.speccheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the checks found in this JVM: the violations not yet claimed by a test, and totals written to
 * {@code target/spec-check-summary.txt} at exit, so a module's run says how many exchanges were checked.
 */
public final class SpecViolations {

    private static final List<String> pending = new ArrayList<>();
    private static final AtomicLong checked = new AtomicLong();
    private static final AtomicLong violations = new AtomicLong();
    private static final AtomicLong intended = new AtomicLong();
    private static final AtomicLong notVendorPaths = new AtomicLong();
    private static final java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SpecViolations::writeSummary, "spec-check-summary"));
    }

    private SpecViolations() {
    }

    static void checked() {
        checked.incrementAndGet();
    }

    static void notVendorPath() {
        notVendorPaths.incrementAndGet();
    }

    static synchronized void record(String violation) {
        pending.add(violation);
    }

    /** The violations recorded since the last call. */
    static synchronized List<String> drain() {
        List<String> drained = new ArrayList<>(pending);
        pending.clear();
        return drained;
    }

    static void failed(int count) {
        violations.addAndGet(count);
    }

    /** Violations found while not enforced: counted, and the distinct kinds kept for the summary. */
    static synchronized void reported(List<String> found) {
        violations.addAndGet(found.size());
        found.forEach(violation -> kinds.merge(violation.replaceAll("[0-9a-f]{24}|[0-9a-f-]{36}", "{id}")
                .replaceAll("=[^&\\s:]*", "={v}"), 1, Integer::sum));
    }

    static void intended(int count) {
        intended.addAndGet(count);
    }

    private static synchronized String kindsText() {
        StringBuilder text = new StringBuilder();
        kinds.forEach((kind, count) -> text.append("\n").append(count).append(" x ").append(kind).append("\n"));
        return text.toString();
    }

    private static void writeSummary() {
        Path target = Path.of("target");
        if (!Files.isDirectory(target) || checked.get() == 0 && notVendorPaths.get() == 0) {
            return;
        }
        String summary = "exchanges checked against the vendors' descriptions: " + checked.get() + "\n"
                + "violations (failing a test with -Dcamelsaas.specs.enforce=true): " + violations.get() + "\n"
                + "violations sent on purpose (@OffSpecRequests): " + intended.get() + "\n"
                + "requests on paths of neither vendor (allowed only where camelsaas.specs.unknownPaths=allow): "
                + notVendorPaths.get() + "\n"
                + kindsText();
        try {
            Files.writeString(target.resolve("spec-check-summary.txt"), summary, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // a summary we could not write must not fail the JVM's exit
        }
    }
}
