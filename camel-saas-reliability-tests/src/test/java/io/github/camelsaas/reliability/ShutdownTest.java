package io.github.camelsaas.reliability;

import static io.github.camelsaas.reliability.TestRecords.kobject;
import static io.github.camelsaas.reliability.TestRecords.kobjects;
import static io.github.camelsaas.reliability.TestRecords.order;
import static io.github.camelsaas.reliability.TestRecords.orders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelsaas.kustomer.KustomerComponent;
import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.common.RunningSimulators;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;
import io.github.camelsaas.zuora.objects.ZuoraObjectsComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stopping the CamelContext while work is in flight in every place it can wait: a coalescing buffer (batchWindow), a
 * rate-limit wait, a retry scheduled after a 429, a call at the server. Every exchange must complete (success, or a
 * failure naming the stop), nothing may be sent after the stop, and the accounting invariant must hold; a call that
 * was at the server when the stop cut it off may have been applied, so its records must not be marked retryable.
 */
class ShutdownTest {

    /** How long the answers of the calls caught in flight take: far longer than the stop. */
    private static final Duration AT_THE_SERVER = Duration.ofSeconds(8);
    private static final Duration STOP_BOUND = Duration.ofSeconds(5);

    private static final KustomerSimulator kustomerSimulator = new KustomerSimulator();
    private static final ZuoraSimulator zuoraSimulator = new ZuoraSimulator();
    @RegisterExtension
    static final RunningSimulators RUNNING = new RunningSimulators(kustomerSimulator, zuoraSimulator);

    /** Camel's graceful shutdown waits this long for exchanges in flight, then stops the routes under them. */
    private static void shortGracePeriod(CamelContext context) {
        context.getShutdownStrategy().setTimeUnit(TimeUnit.MILLISECONDS);
        context.getShutdownStrategy().setTimeout(500);
    }

    /** Exchanges sent asynchronously, each with the records it carried. */
    private record Pending(CompletableFuture<Exchange> exchange, List<Map<String, Object>> records) {
    }

    private static Pending sendAsync(ProducerTemplate template, String uri, Object body,
                                     List<Map<String, Object>> records) {
        return new Pending(template.asyncSend(uri, e -> e.getMessage().setBody(body)), records);
    }

    @Test
    void stoppingWithKustomerWorkInFlightCompletesEveryExchangeAndSendsNothingAfterwards() throws Exception {
        try (KustomerHarness kustomer = new KustomerHarness(kustomerSimulator, Duration.ofSeconds(30))) {
            CamelContext context = kustomer.context;
            shortGracePeriod(context);
            KustomerComponent throttled = KustomerHarness.component(kustomerSimulator.baseUrl(),
                    Duration.ofSeconds(30));
            throttled.getConfiguration().setRequestsPerMinute(1);
            context.addComponent("kustomerThrottled", throttled);
            // its own org state: the 429's pause must not hold the other calls back
            context.addComponent("kustomerRetrying", KustomerHarness.component(kustomerSimulator.baseUrl(),
                    Duration.ofSeconds(30)));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:buffered").to("kustomer:kobjects?klass=buffered&batchWindow=60000");
                    from("direct:inflight").to("kustomer:kobjects?klass=inflight");
                    from("direct:inflightbulk").to("kustomer:kobjects?klass=inflightbulk");
                    from("direct:retrying").to("kustomerRetrying:kobjects?klass=retrying");
                    from("direct:throttled").to("kustomerThrottled:kobjects?klass=throttled");
                }
            });
            kustomer.start();
            kustomerSimulator.faults().failNext("/v1/klasses/inflight", 1, Fault.delay(AT_THE_SERVER));
            kustomerSimulator.faults().failNext("/v1/klasses/inflightbulk/bulk", 1, Fault.delay(AT_THE_SERVER));
            kustomerSimulator.faults().failFor("/v1/klasses/retrying.*", Duration.ofMinutes(1), new Fault.Status(429,
                    "{\"errors\":[{\"status\":429,\"title\":\"slow down\"}]}",
                    Map.of("Content-Type", "application/json", "Retry-After", "30")));
            kustomer.sendList("direct:throttled", kobjects("throttled-first", 2));

            List<Pending> pending = new ArrayList<>();
            for (Map<String, Object> record : kobjects("buffered", 4)) {
                pending.add(sendAsync(kustomer.template, "direct:buffered", record, List.of(record)));
            }
            Map<String, Object> inflight = kobject("inflight-single", false);
            pending.add(sendAsync(kustomer.template, "direct:inflight", inflight, List.of(inflight)));
            List<Map<String, Object>> inflightBulk = kobjects("inflight-bulk", 4);
            pending.add(sendAsync(kustomer.template, "direct:inflightbulk", inflightBulk, inflightBulk));
            List<Map<String, Object>> retrying = kobjects("retrying", 3);
            pending.add(sendAsync(kustomer.template, "direct:retrying", retrying, retrying));
            List<Map<String, Object>> waiting = kobjects("throttled-waiting", 3);
            pending.add(sendAsync(kustomer.template, "direct:throttled", waiting, waiting));
            pending.forEach(p -> kustomer.expect(p.records()));
            // everything is where it should be: calls at the server (stored, answer pending), the 429 answered
            await().atMost(Duration.ofSeconds(5)).until(() -> kustomerSimulator.kobjects("inflight").size() == 1
                    && kustomerSimulator.kobjects("inflightbulk").size() == 4
                    && kustomerSimulator.stats().tooManyRequests() >= 1
                    && context.getInflightRepository().size() == pending.size());
            Date stopStarted = new Date();
            long stopping = System.nanoTime();
            context.stop();

            for (Pending p : pending) {
                kustomer.ledger.settle(p.exchange().get(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS), p.records());
            }
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(STOP_BOUND);
            // the single record and the four bulk items were at the server: created, reported failed, not retryable
            Ledger.Balance balance = kustomer.balance("buffered", "inflight", "inflightbulk", "retrying",
                    "throttled").assertHolds(5);
            assertThat(balance.created()).isEqualTo(2 + 5);
            assertThat(kustomer.ledger.failures()).hasSize(4 + 1 + 4 + 3 + 3).allSatisfy(failure ->
                    assertThat(failure.message()).containsAnyOf("stopped", "closing", "closed"));
            assertThat(kustomer.ledger.failures()).filteredOn(failure -> failure.key().startsWith("buffered")
                    || failure.key().startsWith("retrying") || failure.key().startsWith("throttled"))
                    .hasSize(10).allSatisfy(failure -> {
                        assertThat(failure.retryable()).isTrue();
                        assertThat(failure.message()).contains("not sent");
                    });
            assertThat(requestsReceivedSince(kustomerSimulator.wireMock(), stopStarted)).isEmpty();
        } finally {
            kustomerSimulator.faults().reset();
        }
    }

    @Test
    void stoppingWithZuoraWorkInFlightCompletesEveryExchangeAndSendsNothingAfterwards() throws Exception {
        try (ZuoraHarness zuora = new ZuoraHarness(zuoraSimulator, shared -> shared.setResponseTimeout(30_000))) {
            CamelContext context = zuora.context;
            shortGracePeriod(context);
            for (String object : List.of("Buffered", "Inflight", "Retrying", "Throttled")) {
                zuoraSimulator.registerObject(object);
            }
            context.addComponent("zuoraThrottled", zuoraComponent());
            context.addComponent("zuoraRetrying", zuoraComponent());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:buffered").to("zuora-objects:Buffered?batchWindow=60000");
                    from("direct:inflight").to("zuora-objects:Inflight");
                    from("direct:retrying").to("zuoraRetrying:Retrying");
                    from("direct:throttled").to("zuoraThrottled:Throttled?batchSize=2&requestsPerMinute=1");
                }
            });
            zuoraSimulator.faults().failNext("/objects/records/default/Inflight", 1, Fault.delay(AT_THE_SERVER));
            zuoraSimulator.faults().failFor("/objects/records/default/Retrying", Duration.ofMinutes(1),
                    new Fault.Status(429, "{\"message\":\"slow down\"}",
                            Map.of("Content-Type", "application/json", "Retry-After", "30")));

            List<Pending> pending = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Map<String, Object> record = order("Buffered-" + i, i);
                pending.add(sendAsync(zuora.template, "direct:buffered", record, List.of(record)));
            }
            List<Map<String, Object>> inflight = orders("Inflight", 5);
            pending.add(sendAsync(zuora.template, "direct:inflight", inflight, inflight));
            List<Map<String, Object>> retrying = orders("Retrying", 3);
            pending.add(sendAsync(zuora.template, "direct:retrying", retrying, retrying));
            // two calls of two: the first goes, the second waits a minute for the tenant's permit
            List<Map<String, Object>> throttled = orders("Throttled", 4);
            pending.add(sendAsync(zuora.template, "direct:throttled", throttled, throttled));
            pending.forEach(p -> zuora.expect(p.records()));
            await().atMost(Duration.ofSeconds(5)).until(() -> zuoraSimulator.count("Inflight") == 5
                    && zuoraSimulator.count("Throttled") == 2
                    && zuoraSimulator.stats().tooManyRequests() >= 1
                    && context.getInflightRepository().size() == pending.size());
            Date stopStarted = new Date();
            long stopping = System.nanoTime();
            context.stop();

            for (Pending p : pending) {
                zuora.ledger.settle(p.exchange().get(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS), p.records());
            }
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(STOP_BOUND);
            Ledger.Balance balance = zuora.balance("Buffered", "Inflight", "Retrying", "Throttled").assertHolds(5);
            assertThat(balance.created()).isEqualTo(5 + 2);
            assertThat(zuora.ledger.failures()).hasSize(4 + 5 + 3 + 2).allSatisfy(failure ->
                    assertThat(failure.message()).containsAnyOf("stopped", "closing", "closed"));
            assertThat(zuora.ledger.failures()).filteredOn(failure -> !failure.key().startsWith("Inflight"))
                    .hasSize(9).allSatisfy(failure -> {
                        assertThat(failure.retryable()).isTrue();
                        assertThat(failure.message()).contains("not sent");
                    });
            assertThat(requestsReceivedSince(zuoraSimulator.wireMock(), stopStarted)).isEmpty();
        } finally {
            zuoraSimulator.faults().reset();
        }
    }

    /** What reached the server since an instant (by the time WireMock received it). */
    private static List<String> requestsReceivedSince(WireMockServer server, Date since) {
        return server.getAllServeEvents().stream().filter(e -> !e.getRequest().getLoggedDate().before(since))
                .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()).toList();
    }

    /** Another zuora-objects component (its own tenant state) on the same simulator. */
    private static ZuoraObjectsComponent zuoraComponent() {
        ZuoraObjectsComponent component = new ZuoraObjectsComponent();
        component.getConfiguration().setBaseUrl(zuoraSimulator.baseUrl());
        component.getConfiguration().setClientId(ZuoraSimulator.DEMO_CLIENT_ID);
        component.getConfiguration().setClientSecret(ZuoraSimulator.DEMO_CLIENT_SECRET);
        component.getConfiguration().setResponseTimeout(30_000);
        return component;
    }
}
