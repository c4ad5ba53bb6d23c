package io.github.camelsaas.examples.orders;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Counters of one run, per system, updated by the sync as calls complete and printed while it runs. */
final class SyncProgress {

    /** What happened to one system's records. */
    static final class SystemCounts {
        final String name;
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicReference<String> note = new AtomicReference<>("");
        /** The org's requests left in the current window, from the last answer; -1 when not known. */
        volatile int quotaLeft = -1;
        /** When the step now in progress started (System.nanoTime), 0 when none is. */
        volatile long stepStartedNanos;
        volatile double finishedAtSeconds = -1;

        SystemCounts(String name) {
            this.name = name;
        }

        int done() {
            return created.get() + failed.get();
        }
    }

    final int total;
    final SystemCounts kustomer = new SystemCounts("Kustomer");
    final SystemCounts zuora = new SystemCounts("Zuora");
    private final long startNanos = System.nanoTime();

    SyncProgress(int total) {
        this.total = total;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    int failed() {
        return kustomer.failed.get() + zuora.failed.get();
    }

    void print(PrintStream out) {
        out.println(String.format(Locale.ROOT, "[%5.1fs] %s | %s", elapsedSeconds(), line(kustomer), line(zuora)));
    }

    /**
     * With the org's quota used up, a step that takes more than a second is waiting for the next window: say so,
     * since that wait is the component keeping the limit rather than a slow server.
     */
    private static String waitNote(SystemCounts counts) {
        long started = counts.stepStartedNanos;
        double stepSeconds = started == 0 ? 0 : (System.nanoTime() - started) / 1e9;
        if (counts.quotaLeft >= 0 && counts.quotaLeft <= 2 && stepSeconds > 1) {
            return String.format(Locale.ROOT, "waiting %.0f s for the org rate-limit window", stepSeconds);
        }
        return counts.note.get();
    }

    /** Marks a system done, so its rate stops decaying while the other one still runs. */
    void finished(SystemCounts counts) {
        counts.finishedAtSeconds = elapsedSeconds();
    }

    private String line(SystemCounts counts) {
        double seconds = counts.finishedAtSeconds >= 0 ? counts.finishedAtSeconds : elapsedSeconds();
        double rate = counts.done() / Math.max(seconds, 0.001);
        String note = waitNote(counts);
        return String.format(Locale.ROOT, "%s %d/%d (%.0f/s, %d calls%s)", counts.name, counts.done(), total, rate,
                counts.calls.get(), note.isEmpty() ? "" : ", " + note);
    }
}
