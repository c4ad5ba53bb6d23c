package io.github.camelsaas.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelsaas.kustomer.KustomerComponent;
import io.github.camelsaas.kustomer.KustomerConstants;
import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kustomer: operation and every failure we can provoke, with every logger at TRACE: the API key shows in no
 * log line, exception, toString, URI, header or property. Run with the key on the component (the documented way),
 * and in the endpoint URI (RAW and plain), where Camel itself exposes it in three known places only.
 */
class KustomerSecretsAtTraceTest {

    static final String API_KEY = "kustomer-key-SECRET-4711";

    static KustomerSimulator simulator;

    CamelContext context;
    ProducerTemplate template;
    final Map<String, String> routes = new HashMap<>();
    final AtomicInteger routeIds = new AtomicInteger();

    @BeforeAll
    static void startSimulator() {
        simulator = new KustomerSimulator();
        simulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    @BeforeEach
    void resetSimulator() {
        simulator.restoreDefaultConfiguration();
        simulator.reset();
        simulator.registerApiKey(API_KEY);
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void aKeySetOnTheComponentIsNowhereAtTrace() throws Exception {
        SecretExposures seen = new SecretExposures().secret(API_KEY);
        try (EverythingAtTrace logs = new EverythingAtTrace()) {
            startCamel(true);
            runEverything("", seen);
            seen.context(context);
            seen.logLines(logs.events());
            assertVerbose(logs);
        }

        assertThat(seen.exposures()).as("places showing the key").isEmpty();
    }

    @Test
    void aKeyInTheUriIsMaskedEverywhereButWhereCamelItselfShowsTheUri() throws Exception {
        SecretExposures seen = new SecretExposures().secret(API_KEY);
        try (EverythingAtTrace logs = new EverythingAtTrace()) {
            startCamel(false);
            runEverything("&apiKey=RAW(" + API_KEY + ")", seen);
            seen.context(context);
            seen.logLines(logs.events());
            assertVerbose(logs);
        }

        assertThat(seen.exposuresExcept(SecretExposures::camelShowsTheUriAsWritten)).as("places showing the key")
                .isEmpty();
        // pinned, so a change in Camel shows up here and in the docs: these are Camel's, not the component's
        assertThat(seen.exposures()).extracting(SecretExposures.Seen::where)
                .contains("endpoint uri", "get property CamelToEndpoint", "timeout property CamelFailureEndpoint");
    }

    @Test
    void aKeyInAPropertyPlaceholderOfTheUriIsExposedLikeAKeyWrittenThereAndByCamelsPlaceholderLogging()
            throws Exception {
        SecretExposures seen = new SecretExposures().secret(API_KEY);
        try (EverythingAtTrace logs = new EverythingAtTrace()) {
            startCamel(false);
            runEverything("&apiKey={{kustomer.apiKey}}", seen);
            seen.context(context);
            seen.logLines(logs.events());
        }

        assertThat(seen.exposuresExcept(e -> SecretExposures.camelShowsTheUriAsWritten(e)
                || SecretExposures.camelShowsResolvedPlaceholders(e))).as("places showing the key").isEmpty();
        assertThat(seen.exposures()).anyMatch(SecretExposures::camelShowsResolvedPlaceholders)
                .extracting(SecretExposures.Seen::where).contains("endpoint uri");
    }

    private static void assertVerbose(EverythingAtTrace logs) {
        // not vacuous: Camel, HttpClient and our transport did log at TRACE, the header logger every request header
        assertThat(logs.sawLogger("org.apache.camel")).isTrue();
        assertThat(logs.sawLogger("io.github.camelsaas.common.http")).isTrue();
        assertThat(logs.events()).anyMatch(line -> line.startsWith("DEBUG org.apache.hc.client5.http.headers")
                && line.endsWith(">> Authorization: Bearer xxxxxx"));
        // and HttpClient's byte dump is off for good
        assertThat(logs.sawLogger("org.apache.hc.client5.http.wire")).isFalse();
    }

    private void startCamel(boolean keyOnComponent) throws Exception {
        context = new DefaultCamelContext();
        context.addComponent("kustomer", component(keyOnComponent, Duration.ofSeconds(10)));
        // a second instance with a short response timeout, for the timeout paths
        context.addComponent("kustomer-slow", component(keyOnComponent, Duration.ofMillis(300)));
        context.getPropertiesComponent().addInitialProperty("kustomer.apiKey", API_KEY);
        context.start();
        template = context.createProducerTemplate();
    }

    private static KustomerComponent component(boolean keyOnComponent, Duration responseTimeout) {
        KustomerComponent component = new KustomerComponent();
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        component.setResponseTimeout(responseTimeout.toMillis());
        if (keyOnComponent) {
            component.getConfiguration().setApiKey(API_KEY);
        }
        return component;
    }

    /**
     * Every operation on its success path, then every failure: 401, 403, 429 (retried, then given up), 500, a
     * timeout, a refused connection, a server echoing the key, bad input. {@code keyOption} is appended to every
     * endpoint URI.
     */
    private void runEverything(String keyOption, SecretExposures seen) throws IOException {
        String kobjects = "kustomer:kobjects?klass=order" + keyOption;
        String customers = "kustomer:customers?validate=true" + keyOption;

        // success paths
        Exchange created = send(kobjects, Map.of("title", "Order 1", "externalId", "o-1"), Map.of(), seen, "create");
        String id = created.getMessage().getHeader(KustomerConstants.ID, String.class);
        assertThat(id).isNotNull();
        ok(send(kobjects, List.of(Map.of("title", "Order 2"), Map.of("title", "Order 3")), Map.of(), seen,
                "bulk create"));
        ok(send(kobjects + "&batchWindow=20", Map.of("title", "Order 4"), Map.of(), seen, "coalesced create"));
        ok(send(kobjects + "&operation=update", Map.of("title", "Order 1b"), Map.of(KustomerConstants.ID, id), seen,
                "update"));
        ok(send(kobjects + "&operation=update", List.of(Map.of("id", id, "title", "Order 1c")), Map.of(), seen,
                "bulk update"));
        ok(send(kobjects + "&operation=upsert", Map.of("title", "Order 1d", "externalId", "o-1"), Map.of(), seen,
                "upsert"));
        ok(send(kobjects + "&operation=get", null, Map.of(KustomerConstants.ID, id), seen, "get"));
        ok(send(kobjects + "&operation=getByExternalId", null, Map.of(KustomerConstants.EXTERNAL_ID, "o-1"), seen,
                "getByExternalId"));
        ok(send(kobjects + "&operation=list", null, Map.of(), seen, "list"));
        ok(send(customers, Map.of("name", "Ada", "emails", List.of(Map.of("email", "ada@example.com"))), Map.of(),
                seen, "customer create"));
        ok(send(customers + "&operation=getByEmail", null, Map.of(KustomerConstants.EMAIL, "ada@example.com"), seen,
                "getByEmail"));
        ok(send(customers + "&operation=upsert", Map.of("name", "Ada L."), Map.of(KustomerConstants.EMAIL,
                "ada@example.com"), seen, "upsert by email"));
        ok(send(kobjects + "&operation=delete", null, Map.of(KustomerConstants.ID, id), seen, "delete"));
        simulator.faults().failNext("/v1/klasses/order", 1, new Fault.Status(429, "{\"errors\":[{\"status\":429}]}",
                Map.of("Content-Type", "application/json", "Retry-After", "0")));
        ok(send(kobjects + "&operation=list", null, Map.of(), seen, "list after a 429"));

        // failure paths
        simulator.faults().failNext("/v1/klasses/order", 1, new Fault.Status(429, "{\"errors\":[{\"status\":429}]}",
                Map.of("Content-Type", "application/json", "Retry-After", "0")));
        failed(send(kobjects + "&operation=list&maxRetries=0", null, Map.of(), seen, "429 given up"));
        simulator.faults().failNext("/v1/klasses/order", 1, Fault.status(403, "{\"errors\":[{\"status\":403,"
                + "\"title\":\"forbidden for Bearer " + API_KEY + "\"}]}"));
        failedWithTheEchoMasked(send(kobjects + "&operation=list", null, Map.of(), seen, "403 echoing the key"));
        simulator.faults().failNext("/v1/klasses/order/externalId=.*", 1, Fault.status(400, "{\"errors\":[{"
                + "\"status\":400,\"title\":\"bad token " + API_KEY + "\"}]}"));
        failedWithTheEchoMasked(send(kobjects + "&operation=getByExternalId", null,
                Map.of(KustomerConstants.EXTERNAL_ID, "o-1"), seen, "400 echoing the key"));
        simulator.faults().failNext("/v1/klasses/order", 1, Fault.status(500, "{\"errors\":[{\"status\":500}]}"));
        failed(send(kobjects + "&operation=list&maxRetries=0", null, Map.of(), seen, "500"));
        simulator.faults().failNext("/v1/klasses/order/bulk", 1, Fault.status(500, "oops " + API_KEY));
        failed(send(kobjects + "&maxRetries=0", List.of(Map.of("title", "X"), Map.of("title", "Y")), Map.of(),
                seen, "bulk 500"));
        simulator.faults().failNext("/v1/klasses/order", 1, Fault.delay(Duration.ofSeconds(2)));
        failed(send(kobjects.replace("kustomer:", "kustomer-slow:") + "&operation=list&maxRetries=0", null, Map.of(),
                seen, "timeout"));
        try (RefusingPort refusing = new RefusingPort()) {
            failed(send(kobjects + "&operation=list&maxRetries=0&baseUrl=" + refusing.baseUrl(), null,
                    Map.of(), seen, "connection refused"));
        }
        simulator.faults().failNext("/v1/klasses/order", 1, Fault.connectionReset());
        failed(send(kobjects + "&operation=list&maxRetries=0", null, Map.of(), seen, "connection reset"));
        failed(send(kobjects, Map.of("title", "", "custom", Map.of("noteNum", "x")), Map.of(), seen, "bad input"));
        failed(send(kobjects, "not json " + API_KEY, Map.of(), seen, "not json"));
        simulator.revokeApiKey(API_KEY);
        failed(send(kobjects, Map.of("title", "Order 9"), Map.of(), seen, "401 single"));
        failed(send(kobjects, List.of(Map.of("title", "A"), Map.of("title", "B")), Map.of(), seen, "401 bulk"));
        failed(send(kobjects + "&operation=get", null, Map.of(KustomerConstants.ID, id), seen, "401 get"));
    }

    private static void ok(Exchange exchange) {
        assertThat(exchange.getException()).as("exception").isNull();
    }

    private static void failed(Exchange exchange) {
        assertThat(exchange.getException()).as("exception").isNotNull();
    }

    /** A failure whose server answer quoted a credential: the exception still tells what the server said. */
    private static void failedWithTheEchoMasked(Exchange exchange) {
        failed(exchange);
        assertThat(EverythingAtTrace.stackTrace(exchange.getException())).contains("xxxxxx");
    }

    /** Sends through a route (so Camel's send processor runs as in an application) and records the exchange. */
    private Exchange send(String uri, Object body, Map<String, Object> headers, SecretExposures seen, String what) {
        String from = routes.computeIfAbsent(uri, u -> {
            String direct = "direct:r" + routeIds.incrementAndGet();
            try {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(direct).to(u);
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return direct;
        });
        Exchange exchange = template.send(from, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new HashMap<>(headers));
        });
        seen.exchange(what, exchange);
        return exchange;
    }
}
