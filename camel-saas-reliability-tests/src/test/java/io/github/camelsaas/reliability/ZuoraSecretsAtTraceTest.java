package io.github.camelsaas.reliability;

import static io.github.camelsaas.reliability.Exchanges.failed;
import static io.github.camelsaas.reliability.Exchanges.failedWithTheEchoMasked;
import static io.github.camelsaas.reliability.Exchanges.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.camelsaas.simulator.common.Fault;
import io.github.camelsaas.simulator.common.RunningSimulators;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;
import io.github.camelsaas.zuora.objects.ZuoraObjectsComponent;
import io.github.camelsaas.zuora.objects.ZuoraObjectsConfiguration;
import io.github.camelsaas.zuora.objects.ZuoraObjectsConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every zuora-objects: operation and every failure we can provoke (the token endpoint's included), with every logger
 * at TRACE: the client id, the client secret, a fixed access token and every token Zuora issued show in no log line,
 * exception, toString, URI, header or property. Credentials on the component (the documented way) and in the URI
 * (RAW), where Camel itself exposes them in known places only.
 */
class ZuoraSecretsAtTraceTest {

    static final String CLIENT_ID = "zuora-client-id-SECRET-6933";
    static final String CLIENT_SECRET = "zuora-client-secret-SECRET-5822";
    static final String ACCESS_TOKEN = "zuora-access-token-SECRET-7044";
    static final String RECORDS = "/objects/records/default/Order";

    static final ZuoraSimulator zuora = new ZuoraSimulator();
    @RegisterExtension
    static final RunningSimulators RUNNING = new RunningSimulators(zuora);

    CamelContext context;
    RoutedSender sender;

    @BeforeEach
    void resetSimulator() {
        zuora.resetAll();
        zuora.registerObject("Order");
        zuora.registerClient(CLIENT_ID, CLIENT_SECRET);
        zuora.acceptStaticToken(ACCESS_TOKEN);
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void clientCredentialsOnTheComponentAreNowhereAtTrace() throws Exception {
        SecretExposures seen = secrets();
        try (EverythingAtTrace logs = new EverythingAtTrace()) {
            startCamel(shared -> {
                shared.setClientId(CLIENT_ID);
                shared.setClientSecret(CLIENT_SECRET);
            });
            runEverything("", CLIENT_SECRET, true, seen);
            tokenEndpointFailures("", seen);
            seen.context(context);
            seen.logLines(logs.events());
            logs.assertVerbose();
        }

        issuedTokens().forEach(seen::secret);
        assertThat(issuedTokens()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(seen.exposures()).as("places showing a credential").isEmpty();
    }

    @Test
    void aFixedAccessTokenOnTheComponentIsNowhereAtTrace() throws Exception {
        // only the token: the client id and secret are not this component's to hide here
        SecretExposures seen = new SecretExposures().secret(ACCESS_TOKEN);
        try (EverythingAtTrace logs = new EverythingAtTrace()) {
            startCamel(shared -> shared.setAccessToken(ACCESS_TOKEN));
            runEverything("", ACCESS_TOKEN, false, seen);
            seen.context(context);
            seen.logLines(logs.events());
            logs.assertVerbose();
        }

        assertThat(seen.exposures()).as("places showing the token").isEmpty();
    }

    @Test
    void credentialsInTheUriAreMaskedEverywhereButWhereCamelItselfShowsTheUri() throws Exception {
        SecretExposures seen = secrets();
        String credentials = "&clientId=RAW(" + CLIENT_ID + ")&clientSecret=RAW(" + CLIENT_SECRET + ")";
        try (EverythingAtTrace logs = new EverythingAtTrace()) {
            startCamel(shared -> { });
            runEverything(credentials, CLIENT_SECRET, true, seen);
            tokenEndpointFailures(credentials, seen);
            send("zuora-objects:Order?operation=describe&accessToken=RAW(" + ACCESS_TOKEN + ")", null, Map.of(), seen,
                    "fixed token in the uri");
            seen.context(context);
            seen.logLines(logs.events());
            logs.assertVerbose();
        }

        issuedTokens().forEach(seen::secret);
        assertThat(seen.exposuresExcept(SecretExposures::camelShowsTheUriAsWritten)).as("places showing a credential")
                .isEmpty();
        assertThat(seen.exposures()).extracting(SecretExposures.Seen::where)
                .contains("endpoint uri", "get property CamelToEndpoint");
    }

    private static SecretExposures secrets() {
        return new SecretExposures().secret(CLIENT_ID).secret(CLIENT_SECRET).secret(ACCESS_TOKEN);
    }

    private void startCamel(Consumer<ZuoraObjectsConfiguration> credentials) throws Exception {
        context = new DefaultCamelContext();
        ZuoraObjectsComponent component = new ZuoraObjectsComponent();
        ZuoraObjectsConfiguration shared = component.getConfiguration();
        shared.setBaseUrl(zuora.baseUrl());
        shared.setMaxRetries(0);
        // short enough for the timeout paths, long enough for a loaded 2-core machine with every logger at TRACE
        shared.setResponseTimeout(1500);
        credentials.accept(shared);
        context.addComponent("zuora-objects", component);
        context.start();
        sender = new RoutedSender(context);
    }

    /**
     * Every operation on its success path, then every failure of a data call: 401 (a new token and a replay, then
     * twice), 403, 429 (retried, then given up), 500, a timeout, a refused connection, a reset, a server echoing a
     * credential, bad input.
     *
     * @param echoed a credential of the component that the fake server quotes back in its error answers
     * @param oauth  whether the component fetches tokens (a 401 then draws a new token and one replay)
     */
    private void runEverything(String credentials, String echoed, boolean oauth, SecretExposures seen)
            throws IOException {
        String order = "zuora-objects:Order?failOnPartialFailure=true" + credentials;

        Exchange created = ok(send(order, Map.of("Name__c", "o-1"), Map.of(), seen, "create"));
        String id = idOf(created);
        ok(send(order, List.of(Map.of("Name__c", "o-2"), Map.of("Name__c", "o-3")), Map.of(), seen, "create list"));
        ok(send(order + "&batchWindow=20", Map.of("Name__c", "o-4"), Map.of(), seen, "coalesced create"));
        ok(send(order + "&operation=get", null, Map.of(ZuoraObjectsConstants.ID, id), seen, "get"));
        ok(send(order + "&operation=query", null, Map.of(ZuoraObjectsConstants.FILTER, "Name__c.EQ:o-1"), seen,
                "query"));
        ok(send(order + "&operation=update", Map.of("Name__c", "o-1b"), Map.of(ZuoraObjectsConstants.ID, id), seen,
                "update"));
        ok(send(order + "&operation=patch", Map.of("Name__c", "o-1c"), Map.of(ZuoraObjectsConstants.ID, id), seen,
                "patch"));
        ok(send(order + "&operation=batchUpdate", List.of(Map.of("Id", id, "Name__c", "o-1d")), Map.of(), seen,
                "batchUpdate"));
        ok(send(order + "&operation=describe", null, Map.of(), seen, "describe"));
        Exchange stream = ok(send(order + "&operation=query&streaming=true&pageSize=1", null, Map.of(), seen,
                "streaming query"));
        Iterator<?> pages = stream.getMessage().getBody(Iterator.class);
        pages.next();
        zuora.faults().failNext(RECORDS, 1, Fault.status(500, "{\"message\":\"boom " + echoed + "\"}"));
        seen.exception("streaming query, page 2", catchThrowable(() -> {
            while (pages.hasNext()) {
                pages.next();
            }
        }));
        zuora.revokeIssuedTokens();
        ok(send(order + "&operation=get", null, Map.of(ZuoraObjectsConstants.ID, id), seen, "get after a 401"));
        zuora.faults().failNext(RECORDS, 1, new Fault.Status(429, "{\"message\":\"slow down\"}",
                Map.of("Content-Type", "application/json", "Retry-After", "0")));
        ok(send(order + "&operation=query&maxRetries=1", null, Map.of(), seen, "query after a 429"));
        Exchange gone = ok(send(order, Map.of("Name__c", "o-5"), Map.of(), seen, "create to delete"));
        ok(send(order + "&operation=delete", null, Map.of(ZuoraObjectsConstants.ID, idOf(gone)), seen, "delete"));
        Exchange more = ok(send(order, List.of(Map.of("Name__c", "o-6")), Map.of(), seen, "create to batchDelete"));
        ok(send(order + "&operation=batchDelete", List.of(idOf(more)), Map.of(), seen, "batchDelete"));

        zuora.faults().failNext("/objects/.*", oauth ? 2 : 1, Fault.status(401, "{\"message\":\"Authentication "
                + "error\"}"));
        failed(send(order + "&operation=describe", null, Map.of(), seen, "401"));
        zuora.faults().failNext(RECORDS, 1, Fault.status(403, "{\"message\":\"no access for " + echoed + "\"}"));
        failedWithTheEchoMasked(send(order, Map.of("Name__c", "x"), Map.of(), seen, "403 echoing a credential"));
        zuora.faults().failNext(RECORDS, 1, new Fault.Status(429, "{\"message\":\"slow down\"}",
                Map.of("Content-Type", "application/json", "Retry-After", "0")));
        failed(send(order + "&operation=query", null, Map.of(), seen, "429 given up"));
        zuora.faults().failNext(RECORDS, 1, Fault.status(500, "{\"code\":71012560,\"message\":\"internal; secret "
                + echoed + "\"}"));
        failedWithTheEchoMasked(send(order, List.of(Map.of("Name__c", "y")), Map.of(), seen,
                "500 echoing a credential"));
        zuora.faults().failNext(RECORDS, 1, Fault.delay(Duration.ofMillis(2500)));
        failed(send(order + "&operation=query", null, Map.of(), seen, "timeout"));
        zuora.faults().failNext(RECORDS, 1, Fault.connectionReset());
        failed(send(order + "&operation=query", null, Map.of(), seen, "connection reset"));
        try (RefusingPort refusing = new RefusingPort()) {
            failed(send(order + "&operation=query&baseUrl=" + refusing.baseUrl(), null, Map.of(), seen,
                    "connection refused"));
        }
        failed(send(order, List.of(Map.of("Name__c", Map.of("nested", "value"))), Map.of(), seen, "bad input"));
        failed(send(order, "{\"Name__c\": \"unterminated", Map.of(), seen, "not json"));
        failed(send(order + "&operation=get", null, Map.of(ZuoraObjectsConstants.ID, "../etc"), seen, "bad id"));
    }

    /** The token endpoint refusing the client (echoing the secret), failing, and not answering in time. */
    private void tokenEndpointFailures(String credentials, SecretExposures seen) {
        String describe = "zuora-objects:Order?operation=describe" + credentials;
        zuora.revokeIssuedTokens();
        zuora.faults().failNext("/oauth/token", 1, Fault.status(401, "{\"error\":\"invalid_client\","
                + "\"error_description\":\"bad client_secret=" + CLIENT_SECRET + "\"}"));
        failedWithTheEchoMasked(send(describe, null, Map.of(), seen, "token refused"));
        zuora.faults().failNext("/oauth/token", 1, Fault.status(500, "{\"message\":\"down, client_id "
                + CLIENT_ID + "\"}"));
        failed(send(describe, null, Map.of(), seen, "token endpoint 500"));
        zuora.faults().failNext("/oauth/token", 1, Fault.delay(Duration.ofMillis(2500)));
        failed(send(describe, null, Map.of(), seen, "token timeout"));
        zuora.faults().failNext("/oauth/token", 1, Fault.connectionReset());
        failed(send(describe, null, Map.of(), seen, "token connection reset"));
        ok(send(describe, null, Map.of(), seen, "token again"));
    }

    /** Every access token the simulator's token endpoint handed out. */
    private static List<String> issuedTokens() {
        ObjectMapper mapper = new ObjectMapper();
        List<String> tokens = new ArrayList<>();
        for (ServeEvent event : zuora.wireMock().getAllServeEvents()) {
            String answer = event.getResponse().getBodyAsString();
            // a reset connection is journaled as a 200 without a body
            if (event.getRequest().getUrl().startsWith("/oauth/token") && answer.contains("access_token")) {
                try {
                    tokens.add(mapper.readTree(answer).get("access_token").asText());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return tokens;
    }

    @SuppressWarnings("unchecked")
    private static String idOf(Exchange created) {
        Object body = created.getMessage().getBody();
        // a list body answers a list, a single record the record
        Map<String, Object> record = body instanceof List<?> list ? (Map<String, Object>) list.get(0)
                : (Map<String, Object>) body;
        return (String) record.get("Id");
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers, SecretExposures seen, String what) {
        return sender.send(uri, body, headers, seen, what);
    }
}
