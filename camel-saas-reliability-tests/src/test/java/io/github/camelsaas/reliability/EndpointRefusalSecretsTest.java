package io.github.camelsaas.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An endpoint refused when it is created (a bad option, plain http to another host, credentials in the base URL)
 * says why, and its exception never carries the credentials written in the same URI.
 */
class EndpointRefusalSecretsTest {

    static final String KEY = "kustomer-key-SECRET-4711";
    static final String CLIENT_SECRET = "zuora-client-secret-SECRET-5822";

    CamelContext context;

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kustomer:kobjects?klass=../order&apiKey=RAW(" + KEY + ")"
            + "                                                   | Invalid KObject klass name",
        "kustomer:kobjects?klass=order&bulkSize=500&apiKey=RAW(" + KEY + ")"
            + "                                                   | bulkSize must be from 1 to 100",
        "kustomer:kobjects?klass=order&baseUrl=http://kustomer.example.com&apiKey=RAW(" + KEY + ")"
            + "                                                   | allowInsecureHttp=true",
        "zuora-objects:Order?batchSize=5000&clientId=RAW(id-1)&clientSecret=RAW(" + CLIENT_SECRET + ")"
            + "                                                   | Invalid batchSize 5000",
        "zuora-objects:Order?baseUrl=http://rest.example.com&clientId=RAW(id-1)&clientSecret=RAW(" + CLIENT_SECRET + ")"
            + "                                                   | allowInsecureHttp=true",
        "zuora-objects:Order?accessToken=RAW(" + CLIENT_SECRET + ")&clientId=RAW(id-1)&clientSecret=RAW(s-123456)"
            + "                                                   | Set either accessToken, or clientId and",
    })
    void theRefusalSaysWhyAndNeverShowsTheCredentials(String uri, String reason) {
        Throwable refused = catchThrowable(() -> context.getEndpoint(uri));

        assertThat(refused).isInstanceOf(ResolveEndpointFailedException.class);
        String seen = EverythingAtTrace.stackTrace(refused);
        assertThat(seen).contains(reason).doesNotContain(KEY).doesNotContain(CLIENT_SECRET)
                .doesNotContain("SECRET");
    }

    /**
     * A credential in the base URL's user info is refused, and our reason does not quote it; Camel's own wrapper
     * quotes the URI it could not resolve, sanitized only for option names it knows as secret (baseUrl is not one).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kustomer:kobjects?klass=order&apiKey=RAW(k-123456)&baseUrl=https://ops:" + KEY + "@kustomer.example.com"
            + "                                                   | must not carry user info",
        "zuora-objects:Order?clientId=RAW(id-1)&clientSecret=RAW(x-123456)&baseUrl=https://ops:" + CLIENT_SECRET
            + "@rest.example.com                                  | must not carry user info",
    })
    void credentialsInTheBaseUrlAreRefusedAndOurReasonDoesNotQuoteThem(String uri, String reason) {
        Throwable refused = catchThrowable(() -> context.getEndpoint(uri));

        assertThat(refused).isInstanceOf(ResolveEndpointFailedException.class);
        Throwable ours = refused;
        while (ours.getCause() != null) {
            ours = ours.getCause();
        }
        assertThat(ours).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason)
                .hasMessageNotContaining("SECRET");
        assertThat(refused.getMessage()).startsWith("Failed to resolve endpoint: ").contains("SECRET");
    }
}
