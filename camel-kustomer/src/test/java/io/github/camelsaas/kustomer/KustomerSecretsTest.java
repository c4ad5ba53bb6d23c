package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelsaas.common.failure.PartialFailureException;
import org.apache.logging.log4j.Level;
import io.github.camelsaas.simulator.common.Fault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** A refused key fails clearly, and no key ever reaches a log line, an exception or a toString. */
class KustomerSecretsTest extends KustomerSimulatorTestSupport {

    private static final String READ_ONLY_KEY = "read-only-key-7f3a9c1e5b";
    private static final String UNKNOWN_KEY = "unknown-key-2d8e6f4a0c";

    @Test
    void aKeyWithoutTheRoleFailsWithA401ThatNamesTheRolesNotTheKey() {
        simulator.registerApiKey(READ_ONLY_KEY, Set.of("org.user.kobject.read"));

        Exchange exchange = send("kustomer:kobjects?klass=order&apiKey=RAW(" + READ_ONLY_KEY + ")",
                Map.of("title", "Order 1"));

        assertThat(exchange.getException()).isInstanceOf(KustomerAuthenticationException.class);
        KustomerAuthenticationException refused = (KustomerAuthenticationException) exchange.getException();
        assertThat(refused.getHttpStatus()).isEqualTo(401);
        assertThat(refused.getMessage())
                .contains("Kustomer refused the API key (401 unauthorized) for POST /v1/klasses/order")
                .contains("invalid or expired, or it lacks the role")
                .contains("org.user.kobject.write or org.permission.kobject.create");
        assertNoKeyIn(stackTrace(refused), READ_ONLY_KEY);
    }

    @Test
    void anUnknownKeyFailsAListWithTheOutcomesAsCause() {
        Exchange exchange = send("kustomer:customers?apiKey=RAW(" + UNKNOWN_KEY + ")",
                List.of(Map.of("name", "Ada"), Map.of("name", "Grace")));

        assertThat(exchange.getException()).isInstanceOf(KustomerAuthenticationException.class)
                .hasMessageContaining("POST /v1/customers/bulk")
                .hasMessageContaining("org.user.customer.write or org.permission.customer.create")
                .hasCauseInstanceOf(PartialFailureException.class);
        assertNoKeyIn(stackTrace(exchange.getException()), UNKNOWN_KEY);
    }

    @Test
    void listingNeedsTheKlassRole() {
        simulator.registerApiKey(READ_ONLY_KEY, Set.of("org.user.kobject.read"));
        Exchange exchange = send("kustomer:kobjects?klass=order&operation=list&apiKey=RAW(" + READ_ONLY_KEY + ")",
                null);
        assertThat(exchange.getException()).isInstanceOf(KustomerAuthenticationException.class)
                .hasMessageContaining("org.user.klass.read or org.permission.klass.read");
    }

    @Test
    void theKeyIsInNoLogLineExceptionOrToStringEvenWhenTheServerEchoesIt() {
        simulator.registerApiKey(READ_ONLY_KEY, Set.of("org.user.kobject.read", "org.user.klass.read"));
        // the key set on the component, as the docs recommend, never appears in an endpoint URI
        component().getConfiguration().setApiKey(READ_ONLY_KEY);
        StringBuilder seen = new StringBuilder();
        try (CapturedLogs logs = new CapturedLogs(Level.TRACE, "io.github.camelsaas.kustomer",
                "io.github.camelsaas.common", "org.apache.camel")) {
            // a server that quotes the key back in its error
            simulator.faults().failNext("/v1/klasses/order/externalId=o-1", 1, Fault.status(400,
                    "{\"errors\":[{\"status\":400,\"title\":\"bad token " + READ_ONLY_KEY + "\"}]}"));
            Exchange echoed = send("kustomer:kobjects?klass=order&operation=getByExternalId", null,
                    Map.of(KustomerConstants.EXTERNAL_ID, "o-1"));
            Exchange refused = send("kustomer:kobjects?klass=order", List.of(Map.of("title", "A"),
                    Map.of("title", "B")));
            Exchange read = send("kustomer:kobjects?klass=order&operation=list", null);

            assertThat(echoed.getException()).hasMessageContaining("bad token xxxxxx");
            assertThat(refused.getException()).isInstanceOf(KustomerAuthenticationException.class);
            assertThat(read.getException()).isNull();
            seen.append(stackTrace(echoed.getException())).append(stackTrace(refused.getException()));
            KustomerEndpoint endpoint = context.getEndpoint("kustomer:kobjects?klass=order", KustomerEndpoint.class);
            seen.append(endpoint).append(endpoint.getConfiguration()).append(component().orgThrottles())
                    .append(component()).append(endpoint.getEndpointUri());
            assertThat(logs.lines())
                    .anySatisfy(line -> assertThat(line).contains("GET /v1/klasses/order -> 200"))
                    .anySatisfy(line -> assertThat(line).contains("request headers").contains("Bearer xxxxxx"))
                    .anySatisfy(line -> assertThat(line).contains("response body"));
            logs.lines().forEach(line -> seen.append(line).append('\n'));
        }
        assertNoKeyIn(seen.toString(), READ_ONLY_KEY);
    }

    @Test
    void aKeyInTheUriIsMaskedInCamelsDebugLinesAndOurs() {
        simulator.registerApiKey(READ_ONLY_KEY, Set.of("org.user.kobject.read"));
        StringBuilder seen = new StringBuilder();
        try (CapturedLogs camel = new CapturedLogs(Level.DEBUG, "org.apache.camel");
             CapturedLogs ours = new CapturedLogs(Level.TRACE, "io.github.camelsaas.kustomer",
                     "io.github.camelsaas.common")) {
            Exchange exchange = send("kustomer:kobjects?klass=order&operation=get&apiKey=RAW(" + READ_ONLY_KEY + ")",
                    null, Map.of(KustomerConstants.ID, "5f1e2d3c4b5a697887a6b5c4"));
            assertThat(exchange.getException()).isNull();
            assertThat(camel.lines()).anySatisfy(line -> assertThat(line).contains("apiKey=xxxxxx"));
            camel.lines().forEach(line -> seen.append(line).append('\n'));
            ours.lines().forEach(line -> seen.append(line).append('\n'));
        }
        assertNoKeyIn(seen.toString(), READ_ONLY_KEY);
    }

    private static void assertNoKeyIn(String text, String key) {
        assertThat(text).isNotBlank().doesNotContain(key).doesNotContain(key.substring(0, 12));
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
