package io.github.camelsaas.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.common.RunningSimulators;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10,000 records through both components from 16 threads, with random faults at 5% of the calls (seeded: set
 * {@code -Dreliability.seed=N} to replay a run; the seed is printed). Each component gets list bodies (chunked into
 * bulk or batch calls) and single-record messages (coalesced with batchWindow). Every exchange must complete within
 * a bound, and the accounting invariant must hold for each component.
 */
class LoadTest {

    private static final long SEED = Long.getLong("reliability.seed", 7_2024_0607L);
    private static final int THREADS = 16;
    private static final int RECORDS_PER_COMPONENT = 5_000;
    private static final int SINGLES_PER_COMPONENT = 1_000;
    private static final double FAULT_RATE = 0.05;
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(1_000);
    private static final Duration EXCHANGE_BOUND = Duration.ofSeconds(30);
    private static final Duration RUN_BOUND = Duration.ofSeconds(60);
    /** The longest any exchange of the run took, for the printed summary. */
    private static final AtomicLong SLOWEST_MILLIS = new AtomicLong();

    private static final KustomerSimulator kustomerSimulator = new KustomerSimulator();
    private static final ZuoraSimulator zuoraSimulator = new ZuoraSimulator();
    @RegisterExtension
    static final RunningSimulators RUNNING = new RunningSimulators(kustomerSimulator, zuoraSimulator);

    private static String errors(int status) {
        return "{\"errors\":[{\"status\":" + status + ",\"code\":\"fault\",\"title\":\"injected " + status + "\"}]}";
    }

    private static List<Fault> kustomerFaults() {
        Fault late = Fault.delay(RESPONSE_TIMEOUT.plusMillis(500));
        return List.of(Fault.status(500, errors(500)), Fault.status(502, errors(502)), Fault.status(503, errors(503)),
                Fault.status(504, errors(504)), Fault.connectionReset(), late,
                Fault.status(429, errors(429)),
                new Fault.Status(429, errors(429), Map.of("Content-Type", "application/json", "Retry-After", "1")),
                new Fault.Status(200, "<html>maintenance</html>", Map.of("Content-Type", "text/html")));
    }

    private static List<Fault> zuoraFaults() {
        Fault late = Fault.delay(RESPONSE_TIMEOUT.plusMillis(500));
        return List.of(Fault.status(500, "{\"message\":\"injected 500\"}"),
                Fault.status(502, "{\"message\":\"injected 502\"}"), Fault.status(503, "{\"message\":\"busy\"}"),
                Fault.status(504, "{\"message\":\"injected 504\"}"), Fault.connectionReset(), late,
                new Fault.Status(429, "{\"message\":\"slow down\"}",
                        Map.of("Content-Type", "application/json", "Retry-After", "1")),
                // a token refused mid-run: the component fetches a new one and replays the call once
                Fault.status(401, "{\"message\":\"Authentication error\"}"),
                new Fault.Status(200, "<html>maintenance</html>", Map.of("Content-Type", "text/html")));
    }

    @Test
    void tenThousandRecordsFromSixteenThreadsWithRandomFaultsAreAllAccountedFor() throws Exception {
        System.out.println("LoadTest seed=" + SEED + " (replay with -Dreliability.seed=" + SEED + ")");
        try (KustomerHarness kustomer = new KustomerHarness(kustomerSimulator, RESPONSE_TIMEOUT);
             ZuoraHarness zuora = new ZuoraHarness(zuoraSimulator,
                     shared -> shared.setResponseTimeout(RESPONSE_TIMEOUT.toMillis()))) {
            kustomer.context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:kustomer-list").to("kustomer:kobjects?klass=order&bulkSize=10&maxRetries=3"
                                                    + "&maxConcurrentRequests=8");
                    from("direct:kustomer-single").to("kustomer:kobjects?klass=order&bulkSize=20&batchWindow=50"
                                                      + "&maxRetries=3&maxConcurrentRequests=8");
                }
            });
            kustomer.start();
            zuora.context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:zuora-list").to("zuora-objects:Order?batchSize=25");
                    from("direct:zuora-single").to("zuora-objects:Order?batchWindow=50&batchSize=20");
                }
            });
            kustomerSimulator.faults().failRandomly("/v1/.*", FAULT_RATE, SEED, kustomerFaults());
            zuoraSimulator.faults().failRandomly("/objects/.*", FAULT_RATE, SEED + 1, zuoraFaults());
            zuoraSimulator.failNextCreateWithRetryableRecords(10);

            List<Runnable> work = new ArrayList<>();
            work.addAll(tasks(kustomer.template, kustomer.ledger, kustomer::expect, "direct:kustomer-list",
                    "direct:kustomer-single", TestRecords.kobjects("load-k", RECORDS_PER_COMPONENT), 20));
            work.addAll(tasks(zuora.template, zuora.ledger, zuora::expect, "direct:zuora-list",
                    "direct:zuora-single", TestRecords.orders("load-z", RECORDS_PER_COMPONENT), 50));
            Collections.shuffle(work, new Random(SEED));

            long start = System.nanoTime();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = work.stream().<Future<?>> map(threads::submit).toList();
            threads.shutdown();
            assertThat(threads.awaitTermination(RUN_BOUND.toSeconds(), TimeUnit.SECONDS))
                    .as("every exchange completed within " + RUN_BOUND).isTrue();
            for (Future<?> task : done) {
                task.get();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            Ledger.Balance kustomerBooks = kustomer.balance();
            Ledger.Balance zuoraBooks = zuora.balance();
            System.out.printf("LoadTest seed=%d: %d exchanges in %d ms; slowest exchange %d ms%n", SEED, work.size(),
                    took.toMillis(), SLOWEST_MILLIS.get());
            System.out.printf("  kustomer: %s; %d calls, %d random faults%n", kustomerBooks,
                    kustomerSimulator.stats().totalCalls(), kustomerSimulator.faults().randomFaultsFired());
            System.out.printf("  zuora:    %s; %d calls, %d random faults, %d tokens%n", zuoraBooks,
                    zuoraSimulator.stats().totalCalls(), zuoraSimulator.faults().randomFaultsFired(),
                    zuoraSimulator.tokensIssued());
            kustomerBooks.assertHolds();
            zuoraBooks.assertHolds();
            assertThat(kustomerBooks.input() + zuoraBooks.input()).isEqualTo(2 * RECORDS_PER_COMPONENT);
            assertThat(kustomerSimulator.faults().randomFaultsFired()).isPositive();
            assertThat(zuoraSimulator.faults().randomFaultsFired()).isPositive();
        } finally {
            kustomerSimulator.faults().reset();
            zuoraSimulator.faults().reset();
        }
    }

    /**
     * The records as work items: the first {@link #SINGLES_PER_COMPONENT} as single-record messages, the rest as
     * lists of {@code listSize}. Each item sends and books its exchange, failing the run when it takes longer than
     * {@link #EXCHANGE_BOUND}.
     */
    private static List<Runnable> tasks(ProducerTemplate template, Ledger ledger,
                                        Consumer<List<Map<String, Object>>> expect,
                                        String listRoute, String singleRoute, List<Map<String, Object>> records,
                                        int listSize) {
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < SINGLES_PER_COMPONENT; i++) {
            Map<String, Object> record = records.get(i);
            tasks.add(() -> send(template, ledger, expect, singleRoute, record, List.of(record)));
        }
        for (int from = SINGLES_PER_COMPONENT; from < records.size(); from += listSize) {
            List<Map<String, Object>> list = List.copyOf(records.subList(from, Math.min(records.size(),
                    from + listSize)));
            tasks.add(() -> send(template, ledger, expect, listRoute, list, list));
        }
        return tasks;
    }

    private static void send(ProducerTemplate template, Ledger ledger,
                             Consumer<List<Map<String, Object>>> expect, String route,
                             Object body, List<Map<String, Object>> records) {
        expect.accept(records);
        long start = System.nanoTime();
        CompletableFuture<Exchange> sent = template.asyncSend(route, e -> e.getMessage().setBody(body));
        try {
            Exchange exchange = sent.get(EXCHANGE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            SLOWEST_MILLIS.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
            ledger.settle(exchange, records);
        } catch (TimeoutException e) {
            ledger.settleUnfinished(records, "the exchange took longer than " + EXCHANGE_BOUND);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
