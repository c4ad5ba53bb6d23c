package io.github.camelsaas.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelsaas.benchmarks.harness.HeapProbe;
import io.github.camelsaas.benchmarks.harness.JavaProcesses;
import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.benchmarks.report.HeapCheckResult;
import io.github.camelsaas.benchmarks.stub.RemoteZuoraStub;
import io.github.camelsaas.benchmarks.zuora.ComponentListBody;
import io.github.camelsaas.benchmarks.zuora.ZuoraTarget;

/**
 * The heap target of 1(a), checked where the harness's own heap cannot blur it: 1(a) runs (one warm-up, one
 * measured run) in a JVM of its own started with {@code -Xmx<cap>m}. Completing there shows the records, their
 * JSON and the answers fit the cap; the peak heap reported is that JVM's (input list included).
 */
public final class HeapCheck {

    static final String RESULT_PREFIX = "HEAP_CHECK ";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HeapCheck() {
    }

    /**
     * Runs the check under each cap in turn until one completes, so a missed target still says how much heap 1(a)
     * needed: {@code caps[0]} is the target.
     */
    public static HeapCheckResult run(String stubUrl, int records, String zuoraOptions, int... caps) {
        HeapCheckResult target = null;
        for (int cap : caps) {
            HeapCheckResult result = run(stubUrl, records, zuoraOptions, cap);
            if (target == null) {
                target = result;
                if (result.completed()) {
                    return result;
                }
            } else if (result.completed()) {
                return new HeapCheckResult(target.maxHeapMegabytes(), records, false, Double.NaN, Double.NaN,
                        target.detail() + "; under -Xmx" + cap + "m it completed, peak " + Math.round(
                                result.peakHeapMegabytes()) + " MB: " + result.detail());
            }
        }
        return target;
    }

    /** Runs the check in a forked JVM against the stub at {@code stubUrl}. */
    public static HeapCheckResult run(String stubUrl, int records, String zuoraOptions, int maxHeapMegabytes) {
        try {
            Process process = JavaProcesses.start(JavaProcesses.fullClassPath(),
                    List.of("-Xmx" + maxHeapMegabytes + "m", "-XX:+UseG1GC"), HeapCheck.class.getName(),
                    List.of(stubUrl, String.valueOf(records), zuoraOptions),
                    // a JVM that runs out of heap prints a stack trace per thread: its verdict comes on stdout
                    ProcessBuilder.Redirect.DISCARD);
            String result = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(RESULT_PREFIX)) {
                        result = line.substring(RESULT_PREFIX.length());
                    }
                }
            }
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            if (result == null) {
                return new HeapCheckResult(maxHeapMegabytes, records, false, Double.NaN, Double.NaN,
                        "the -Xmx" + maxHeapMegabytes + "m JVM ended (exit " + process.exitValue()
                        + ") without a result (out of memory before it could report?)");
            }
            JsonNode json = MAPPER.readTree(result);
            return new HeapCheckResult(maxHeapMegabytes, records, json.get("completed").asBoolean(),
                    json.get("peak_heap_mb").asDouble(), json.get("records_per_s").asDouble(),
                    json.get("detail").asText());
        } catch (Exception e) {
            return new HeapCheckResult(maxHeapMegabytes, records, false, Double.NaN, Double.NaN,
                    "the heap check could not run: " + e);
        }
    }

    /** In the forked JVM: {@code HeapCheck <stubUrl> <records> <zuoraOptions>}. */
    public static void main(String[] args) throws Exception {
        ZuoraTarget zuora = new ZuoraTarget(new RemoteZuoraStub(args[0]), args.length > 2 ? args[2] : "");
        int records = Integer.parseInt(args[1]);
        HeapProbe heap = new HeapProbe();
        String detail;
        boolean completed;
        double peak = Double.NaN;
        double rate = Double.NaN;
        try (ComponentListBody variant = new ComponentListBody(zuora, records)) {
            variant.setUp();
            variant.run();
            double input = heap.liveAfterGc() / (1024.0 * 1024.0);
            heap.start();
            Measurement m = variant.run();
            peak = heap.stop() / (1024.0 * 1024.0);
            rate = m.recordsPerSecond();
            completed = m.recordsCreated() == records;
            detail = m.recordsCreated() + " of " + records + " records created in " + m.calls() + " calls; live "
                    + "before the run (input records, Camel): " + Math.round(input) + " MB, so " + Math.round(peak - input)
                    + " MB above it";
        } catch (Throwable e) {
            completed = false;
            detail = "failed: " + e;
        }
        System.out.println(RESULT_PREFIX + MAPPER.writeValueAsString(java.util.Map.of("completed", completed,
                "peak_heap_mb", Double.isNaN(peak) ? -1 : peak, "records_per_s", Double.isNaN(rate) ? -1 : rate,
                "detail", detail)));
        System.out.flush();
        System.exit(0);
    }
}
