package io.github.camelsaas.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.camelsaas.benchmarks.report.BenchmarkReport;
import io.github.camelsaas.benchmarks.report.ResultTable;
import io.github.camelsaas.benchmarks.report.ResultsFiles;
import io.github.camelsaas.benchmarks.report.ResultsJson;
import io.github.camelsaas.benchmarks.stub.ForkedZuoraStub;
import io.github.camelsaas.benchmarks.stub.ZuoraStubHandle;

/**
 * {@code mvn -B -q -pl benchmarks exec:java [-Dexec.args="--quick"]}: runs the benchmarks, prints the tables and
 * writes the JSON results. Options: {@code --quick} (every scenario small, for CI), {@code --scenarios=1,3},
 * {@code --variants=1a,1e}, {@code --out=path} (default {@code benchmarks/results/latest.json}, or
 * {@code latest-quick.json} with {@code --quick}; a run of some scenarios or variants only writes
 * {@code scenario2-latest.json} and the like, see {@link ResultsFiles}, so it never replaces a whole run's results),
 * {@code --warmups=N}, {@code --iterations=N}, {@code --zuora-options=compressRequests=true} (replaces the Zuora
 * endpoints' extra options), {@code --kustomer-window-ms=10000} (scenario 2's window),
 * {@code --kustomer-jitter-ms=300} (2c/2d: each call delayed 0 to that many ms on its way to the simulator),
 * {@code --kustomer-jitter-in-flight=50} (2c/2d: calls in flight), {@code --stub-latency-ms=5} (each Zuora create
 * answered that much later, as over a network), {@code --no-heap-check}. Exits 1 when a record went unaccounted for
 * or a run failed; timing targets never fail it (they are reported).
 */
public final class BenchmarkMain {

    /** Threads of the stub's HTTP server. */
    private static final int STUB_THREADS = 8;

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.full();
        Set<String> scenarios = new LinkedHashSet<>();
        Set<String> variants = new LinkedHashSet<>();
        String out = null;
        boolean heapCheck = true;
        Integer warmups = null;
        Integer iterations = null;
        String zuoraOptions = null;
        Long kustomerWindowMillis = null;
        long stubLatencyMillis = 0;
        Integer jitterMillis = null;
        Integer jitterInFlight = null;
        for (String arg : args) {
            if ("--quick".equals(arg)) {
                settings = BenchmarkSettings.quick();
            } else if (arg.startsWith("--scenarios=")) {
                scenarios.addAll(Set.of(arg.substring("--scenarios=".length()).split(",")));
            } else if (arg.startsWith("--variants=")) {
                variants.addAll(Set.of(arg.substring("--variants=".length()).split(",")));
            } else if (arg.startsWith("--out=")) {
                out = arg.substring("--out=".length());
            } else if (arg.startsWith("--warmups=")) {
                warmups = Integer.valueOf(arg.substring("--warmups=".length()));
            } else if (arg.startsWith("--iterations=")) {
                iterations = Integer.valueOf(arg.substring("--iterations=".length()));
            } else if (arg.startsWith("--zuora-options=")) {
                zuoraOptions = arg.substring("--zuora-options=".length());
            } else if (arg.startsWith("--kustomer-window-ms=")) {
                kustomerWindowMillis = Long.valueOf(arg.substring("--kustomer-window-ms=".length()));
            } else if (arg.startsWith("--kustomer-jitter-ms=")) {
                jitterMillis = Integer.valueOf(arg.substring("--kustomer-jitter-ms=".length()));
            } else if (arg.startsWith("--kustomer-jitter-in-flight=")) {
                jitterInFlight = Integer.valueOf(arg.substring("--kustomer-jitter-in-flight=".length()));
            } else if (arg.startsWith("--stub-latency-ms=")) {
                stubLatencyMillis = Long.parseLong(arg.substring("--stub-latency-ms=".length()));
            } else if ("--no-heap-check".equals(arg)) {
                heapCheck = false;
            } else if (!arg.isBlank()) {
                System.err.println("unknown option " + arg + "; use --quick, --scenarios=1,2,3, --out=FILE, "
                        + "--variants=1a,1e, --warmups=N, --iterations=N, --zuora-options=a=b&c=d, "
                        + "--kustomer-window-ms=N, --kustomer-jitter-ms=N, --kustomer-jitter-in-flight=N, "
                        + "--stub-latency-ms=N, --no-heap-check");
                System.exit(2);
            }
        }
        if (warmups != null || iterations != null) {
            settings = settings.withIterations(warmups != null ? warmups : settings.warmups(),
                    iterations != null ? iterations : settings.iterations());
        }
        settings = settings.withHeapCheck(heapCheck && settings.heapCheck());
        if (zuoraOptions != null) {
            settings = settings.withZuoraOptions(zuoraOptions);
        }
        if (kustomerWindowMillis != null) {
            settings = settings.withKustomerWindow(java.time.Duration.ofMillis(kustomerWindowMillis));
        }
        if (jitterMillis != null) {
            settings = settings.withKustomerJitter(settings.kustomerJitter().withMaxDelayMillis(jitterMillis));
        }
        if (jitterInFlight != null) {
            settings = settings.withKustomerJitter(settings.kustomerJitter().withInFlight(jitterInFlight));
        }
        Path results = out != null ? Path.of(out)
                : ResultsFiles.defaultFile(Path.of(System.getProperty("benchmarks.results.dir", "benchmarks/results")),
                        settings.mode(), scenarios, variants);
        System.out.printf("Camel SaaS benchmarks, %s mode, %d cores; the Zuora stub runs in its own JVM%n",
                settings.mode(), Runtime.getRuntime().availableProcessors());
        if (stubLatencyMillis > 0) {
            settings = settings.withStubLatency(stubLatencyMillis);
            System.out.printf("the Zuora stub answers each create %d ms late%n", stubLatencyMillis);
        }
        BenchmarkReport report;
        try (ZuoraStubHandle stub = ForkedZuoraStub.start(STUB_THREADS, stubLatencyMillis)) {
            report = new BenchmarkRun(settings, System.out).run(stub, scenarios, variants);
        }
        System.out.println();
        ResultTable.print(report, System.out);
        ResultsJson.write(report, results);
        System.out.println("results: " + results.toAbsolutePath().normalize());
        System.out.flush();
        if (!report.problems().isEmpty()) {
            System.exit(1);
        }
    }
}
