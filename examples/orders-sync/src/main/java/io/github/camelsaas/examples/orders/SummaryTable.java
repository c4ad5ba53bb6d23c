package io.github.camelsaas.examples.orders;

import java.util.Locale;

/** The table printed at the end of a run: per system, what was created and failed, the calls, the 429s. */
final class SummaryTable {

    private SummaryTable() {
    }

    /** 429s are counted by the simulators; against a real service the column says n/a. */
    static String render(SyncProgress progress, Settings settings, EmbeddedSimulators simulators) {
        String rule = "+----------+---------+---------+--------+-------+---------------+";
        StringBuilder table = new StringBuilder();
        table.append(rule).append('\n');
        table.append("| system   | records | created | failed | calls | 429s received |\n");
        table.append(rule).append('\n');
        table.append(row(progress.kustomer, progress.total,
                settings.realKustomer() ? "n/a" : Long.toString(simulators.kustomer.stats().tooManyRequests())));
        table.append(row(progress.zuora, progress.total,
                settings.realZuora() ? "n/a" : Long.toString(simulators.zuora.stats().tooManyRequests())));
        table.append(rule).append('\n');
        table.append(String.format(Locale.ROOT, "elapsed: %.1f s%s", progress.elapsedSeconds(),
                progress.failed() == 0 ? ", every record created" : ", " + progress.failed() + " records failed"));
        return table.toString();
    }

    private static String row(SyncProgress.SystemCounts counts, int total, String tooManyRequests) {
        return String.format(Locale.ROOT, "| %-8s | %7d | %7d | %6d | %5d | %13s |%n", counts.name, total,
                counts.created.get(), counts.failed.get(), counts.calls.get(), tooManyRequests);
    }
}
