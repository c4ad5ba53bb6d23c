package io.github.camelsaas.reliability;

import static io.github.camelsaas.reliability.Exchanges.failed;
import static io.github.camelsaas.reliability.Exchanges.failedWithTheEchoMasked;
import static io.github.camelsaas.reliability.Exchanges.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.kustomer.KustomerComponent;
import io.github.camelsaas.kustomer.KustomerConstants;
import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.common.RunningSimulators;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kustomer: operation and every failure we can provoke, with every logger at TRACE: the API key shows in no
 * log line, exception, toString, URI, header or property. Run with the key on the component (the documented way),
 * and in the endpoint URI (RAW and plain), where Camel itself exposes it in three known places only.
 */
class KustomerSecretsAtTraceTest {

    static final String API_KEY = "kustomer-key-SECRET-4711";

    static final KustomerSimulator simulator = new KustomerSimulator();
    @RegisterExtension
    static final RunningSimulators RUNNING = new RunningSimulators(simulator);

    CamelContext context;
    RoutedSender sender;

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
            logs.assertVerbose();
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
            logs.assertVerbose();
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

    private void startCamel(boolean keyOnComponent) throws Exception {
        context = new DefaultCamelContext();
        context.addComponent("kustomer", component(keyOnComponent, Duration.ofSeconds(10)));
        // a second instance with a short response timeout, for the timeout paths
        context.addComponent("kustomer-slow", component(keyOnComponent, Duration.ofMillis(300)));
        context.getPropertiesComponent().addInitialProperty("kustomer.apiKey", API_KEY);
        context.start();
        sender = new RoutedSender(context);
    }

    private static KustomerComponent component(boolean keyOnComponent, Duration responseTimeout) {
        KustomerComponent component = new KustomerComponent();
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        component.getConfiguration().setResponseTimeout(responseTimeout.toMillis());
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

    private Exchange send(String uri, Object body, Map<String, Object> headers, SecretExposures seen, String what) {
        return sender.send(uri, body, headers, seen, what);
    }
}
