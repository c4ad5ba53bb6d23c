package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.common.Fault;

/**
 * Credentials never show: not in any log line (TRACE included), exception message or toString; record values
 * never show above TRACE.
 */
class NoSecretsTest extends ZuoraTestSupport {

    private static final String CLIENT_ID = "it-client-7f3a91";
    private static final String CLIENT_SECRET = "it-secret-5be0c2d7";
    private static final String RECORD_VALUE = "personal-value-4c1d";
    private static final String CREDENTIALS = "clientId=RAW(" + CLIENT_ID + ")&clientSecret=RAW(" + CLIENT_SECRET + ")";

    @Test
    void noCredentialInLogsExceptionsOrToStringAndNoRecordAboveTrace() throws Exception {
        zuora.registerClient(CLIENT_ID, CLIENT_SECRET);
        List<String> texts = new ArrayList<>();
        List<String> debugAndAbove;
        // our loggers at TRACE; Camel's at DEBUG (at TRACE Camel itself logs endpoint URIs as given)
        try (LogCapture trace = new LogCapture(Level.TRACE, "io.github.camelsaas");
             LogCapture camel = new LogCapture(Level.DEBUG, "org.apache.camel")) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:write").to("zuora-objects:Order?" + CREDENTIALS + "&failOnPartialFailure=false");
                }
            });
            Endpoint endpoint = context.getEndpoint("zuora-objects:Order?" + CREDENTIALS);
            texts.add(endpoint.toString());
            texts.add(context.getRoute(context.getRoutes().get(0).getId()).toString());

            template.sendBody("direct:write", List.of(Map.of("Name__c", RECORD_VALUE)));
            zuora.revokeIssuedTokens(); // the next call draws a 401, a new token and a replay
            template.sendBody("direct:write", List.of(Map.of("Name__c", RECORD_VALUE)));
            zuora.faults().failNext("/objects/.*", 2, Fault.status(401, "{\"message\":\"no\"}"));
            Exchange refused = send("zuora-objects:Order?operation=describe&" + CREDENTIALS, null);
            texts.add(refused.getException().toString());
            Exchange badSecret = send("zuora-objects:Order?operation=describe&clientId=RAW(" + CLIENT_ID
                                      + ")&clientSecret=RAW(wrong-" + CLIENT_SECRET + ")", null);
            texts.add(badSecret.getException().toString());
            texts.addAll(trace.events());
            texts.addAll(camel.events());
            debugAndAbove = new ArrayList<>(camel.events());
            trace.events().stream().filter(line -> !line.startsWith("TRACE")).forEach(debugAndAbove::add);
        }

        Set<String> credentials = new HashSet<>(List.of(CLIENT_ID, CLIENT_SECRET));
        for (LoggedRequest request : dataRequests()) {
            credentials.add(request.getHeader("Authorization").substring("Bearer ".length()));
        }
        assertThat(credentials).hasSizeGreaterThanOrEqualTo(4); // id, secret and the tokens seen
        assertThat(texts).hasSizeGreaterThan(20);
        for (String text : texts) {
            for (String credential : credentials) {
                assertThat(text).as("a log line, message or toString").doesNotContain(credential);
            }
        }
        assertThat(debugAndAbove).isNotEmpty().noneMatch(line -> line.contains(RECORD_VALUE));
        // the bodies are there at TRACE, so the check above is not vacuous
        assertThat(texts).anyMatch(line -> line.startsWith("TRACE") && line.contains(RECORD_VALUE));
    }
}
