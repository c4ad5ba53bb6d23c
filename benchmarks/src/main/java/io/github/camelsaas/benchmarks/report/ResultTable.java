package io.github.camelsaas.benchmarks.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.github.camelsaas.benchmarks.harness.ComparisonResult;
import io.github.camelsaas.benchmarks.harness.Format;
import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.benchmarks.harness.ScenarioResult;
import io.github.camelsaas.benchmarks.harness.VariantResult;

/** Prints a report as two plain-text tables: variants, then comparisons with their targets. */
public final class ResultTable {

    private ResultTable() {
    }

    public static void print(BenchmarkReport report, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"variant", "what", "records", "calls", "records/s median [min-max]", "p50 ms",
            "p99 ms", "429s", "peak heap MB"});
        for (ScenarioResult scenario : report.scenarios()) {
            for (VariantResult v : scenario.variants()) {
                Measurement last = v.last();
                rows.add(new String[] {v.id(), v.label(), last == null ? "-" : String.valueOf(last.recordsSent()),
                    last == null ? "-" : String.valueOf(last.calls()), v.recordsPerSecond().describe(),
                    v.hasLatencies() ? Format.number(v.latencyMillis(0.5).median()) : "-",
                    v.hasLatencies() ? Format.number(v.latencyMillis(0.99).median()) : "-",
                    String.valueOf(v.tooManyRequests()), Format.number(v.peakHeapMegabytes())});
            }
        }
        print(rows, out);
        out.println();
        List<String[]> comparisons = new ArrayList<>();
        comparisons.add(new String[] {"comparison (pairwise per iteration)", "median [min-max]", "target", "verdict"});
        for (ScenarioResult scenario : report.scenarios()) {
            for (ComparisonResult c : scenario.comparisons()) {
                comparisons.add(new String[] {c.comparison().name() + unit(c.comparison().unit()),
                    c.summary().describe(), c.comparison().target() == null ? "-" : c.comparison().target().toString(),
                    c.verdict()});
            }
        }
        HeapCheckResult heap = report.heapCheck();
        if (heap != null) {
            comparisons.add(new String[] {"1a peak heap in a -Xmx" + heap.maxHeapMegabytes() + "m JVM (MB)",
                heap.completed() ? Format.number(heap.peakHeapMegabytes()) : "did not complete",
                "< " + heap.maxHeapMegabytes(), heap.completed() ? "met" : "MISSED"});
        }
        print(comparisons, out);
        if (heap != null) {
            out.println("heap check: " + heap.detail());
        }
        List<String> problems = report.problems();
        out.printf("%nelapsed: %.1f s, mode: %s, %s%n", report.elapsedSeconds(), report.settings().mode(),
                problems.isEmpty() ? "every record accounted for" : problems.size() + " problem(s):");
        problems.forEach(p -> out.println("  " + p));
    }

    private static String unit(String unit) {
        return unit == null || unit.isEmpty() || "x".equals(unit) ? "" : " (" + unit + ")";
    }

    private static void print(List<String[]> rows, PrintStream out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder rule = new StringBuilder("+");
        for (int width : widths) {
            rule.append("-".repeat(width + 2)).append('+');
        }
        out.println(rule);
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < widths.length; i++) {
                String cell = rows.get(r)[i];
                boolean left = i < 2 || r == 0;
                line.append(' ').append(left ? pad(cell, widths[i], true) : pad(cell, widths[i], false)).append(" |");
            }
            out.println(line);
            if (r == 0) {
                out.println(rule);
            }
        }
        out.println(rule);
    }

    private static String pad(String text, int width, boolean left) {
        String padding = " ".repeat(width - text.length());
        return left ? text + padding : padding + text;
    }
}
