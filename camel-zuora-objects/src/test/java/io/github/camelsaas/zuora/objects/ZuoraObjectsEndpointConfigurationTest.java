package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Proves the generated metadata is wired: the component is found by scheme and options bind from the URI. */
class ZuoraObjectsEndpointConfigurationTest extends CamelTestSupport {

    @Test
    void optionsFromTheUriReachTheConfiguration() {
        ZuoraObjectsEndpoint endpoint = context.getEndpoint("zuora-objects:Order?operation=query"
                                                            + "&environment=EU_API_SANDBOX&clientId=RAW(id-1)&clientSecret=RAW(s-1)",
                ZuoraObjectsEndpoint.class);
        ZuoraObjectsConfiguration configuration = endpoint.getConfiguration();
        assertThat(configuration.getObject()).isEqualTo("Order");
        assertThat(configuration.getOperation()).isEqualTo("query");
        assertThat(configuration.getEnvironment()).isEqualTo(ZuoraEnvironment.EU_API_SANDBOX);
        assertThat(configuration.getEnvironment().baseUrl()).isEqualTo("https://rest.sandbox.eu.zuora.com");
        assertThat(configuration.getClientId()).isEqualTo("id-1");
        assertThat(configuration.getClientSecret()).isEqualTo("s-1");
    }

    @Test
    void theGeneratedUriFactoryKnowsTheOptionsAndTheSecrets() {
        EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("zuora-objects");
        assertThat(factory.propertyNames()).contains("object", "environment", "baseUrl", "operation");
        assertThat(factory.secretPropertyNames()).containsExactlyInAnyOrder("clientId", "clientSecret", "accessToken");
    }

    @ParameterizedTest
    @ValueSource(strings = { "..%2Fsecrets", "Or der", "Ordér",
                             "a123456789012345678901234567890123456789012345678901234567890abcd" })
    void objectNamesThatAreNotPlainIdentifiersAreRefused(String object) {
        assertThatThrownBy(() -> context.getEndpoint("zuora-objects:" + object))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("Invalid Zuora custom object name");
    }

    @Test
    void anEncodedQueryInTheObjectNameNeverBecomesPartOfTheName() {
        ZuoraObjectsConfiguration shared = context.getComponent("zuora-objects", ZuoraObjectsComponent.class)
                .getConfiguration();
        shared.setClientId("id-1");
        shared.setClientSecret("s-1");
        // Camel decodes %3F into a query: the endpoint is refused for the unknown option instead
        assertThatThrownBy(() -> context.getEndpoint("zuora-objects:Order%3Fq=1"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Unknown parameters=[{q=1}]");
    }

    @Test
    void anUnknownEnvironmentNamesTheAllowedOnes() {
        assertThatThrownBy(() -> context.getEndpoint("zuora-objects:Order?environment=MARS"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("MARS");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "batchSize=1001                          | Invalid batchSize 1001: use 1 to 1000",
        "batchSize=0                             | Invalid batchSize 0: use 1 to 1000",
        "pageSize=5000                           | Invalid pageSize 5000: use 1 to 1000",
        "maxConcurrentRequests=0                 | Invalid maxConcurrentRequests 0: use 1 or more",
        "requestsPerMinute=-1                    | Invalid requestsPerMinute -1: use 0 or more",
        "emptyStringPolicy=drop                  | Invalid emptyStringPolicy 'drop': use one of toNull, reject",
        "operation=upsert                        | Invalid operation 'upsert': use one of create, get, query",
        "trackId=a;b                             | Invalid Zuora-Track-Id in option trackId",
        "baseUrl=ftp://files.example.com         | Invalid baseUrl",
        "proxyHost=proxy.local                   | Option proxyPort is missing",
        "accessToken=RAW(tok-123456)             | Set either accessToken, or clientId and clientSecret, not both",
    })
    void aBadOptionFailsTheEndpointNamingTheOptionAndWhatItAccepts(String option, String message) {
        assertThatThrownBy(() -> context.getEndpoint("zuora-objects:Order?clientId=RAW(id-1)&clientSecret=RAW(s-1)&"
                                                     + option))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining(message);
    }

    @Test
    void credentialsAreRequired() {
        assertThatThrownBy(() -> context.getEndpoint("zuora-objects:Order"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("No credentials: set clientId and clientSecret")
                .hasStackTraceContaining("or accessToken");
        assertThatThrownBy(() -> context.getEndpoint("zuora-objects:Order?clientId=RAW(id-1)"))
                .hasStackTraceContaining("Option clientSecret is missing");
    }

    @Test
    void componentOptionsApplyToEveryEndpointThatDoesNotSetThemItself() {
        ZuoraObjectsConfiguration shared = context.getComponent("zuora-objects", ZuoraObjectsComponent.class)
                .getConfiguration();
        shared.setAccessToken("shared-token-1");
        shared.setBatchSize(250);

        ZuoraObjectsEndpoint endpoint = context.getEndpoint("zuora-objects:Order?pageSize=10",
                ZuoraObjectsEndpoint.class);

        assertThat(endpoint.getConfiguration().getAccessToken()).isEqualTo("shared-token-1");
        assertThat(endpoint.getConfiguration().getBatchSize()).isEqualTo(250);
        assertThat(endpoint.getConfiguration().getPageSize()).isEqualTo(10);
        assertThat(shared.getPageSize()).isEqualTo(1000);
    }

    @Test
    void durationsAcceptCamelsTextForms() {
        ZuoraObjectsEndpoint endpoint = context.getEndpoint("zuora-objects:Order?clientId=RAW(id-1)"
                                                            + "&clientSecret=RAW(s-1)&batchWindow=250ms&rateLimitWindow=2m"
                                                            + "&tokenRefreshMargin=30s",
                ZuoraObjectsEndpoint.class);

        assertThat(endpoint.getConfiguration().getBatchWindow()).isEqualTo(250);
        assertThat(endpoint.getConfiguration().getRateLimitWindow()).isEqualTo(120_000);
        assertThat(endpoint.getConfiguration().getTokenRefreshMargin()).isEqualTo(30_000);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        ZuoraObjectsConfiguration defaults = new ZuoraObjectsConfiguration();

        assertThat(defaults.operation()).isEqualTo(ZuoraObjectsOperation.create);
        assertThat(defaults.effectiveBaseUrl()).isEqualTo("https://rest.na.zuora.com");
        assertThat(defaults.getBatchSize()).isEqualTo(1000);
        assertThat(defaults.getPageSize()).isEqualTo(1000);
        assertThat(defaults.getMaxConcurrentRequests()).isEqualTo(10);
        assertThat(defaults.getRequestsPerMinute()).isZero();
        assertThat(defaults.getRateLimitWindow()).isEqualTo(60_000);
        assertThat(defaults.getBatchWindow()).isZero();
        assertThat(defaults.getTokenRefreshMargin()).isEqualTo(300_000);
        assertThat(defaults.emptyStrings()).isEqualTo(EmptyStringPolicy.TO_NULL);
        assertThat(defaults.isAllowPartialSuccess()).isFalse();
        assertThat(defaults.isFailOnPartialFailure()).isTrue();
        assertThat(defaults.isCompressRequests()).isTrue();
    }

    @Test
    void theBaseUrlOverridesTheEnvironmentWithoutItsTrailingSlash() {
        ZuoraObjectsEndpoint endpoint = context.getEndpoint("zuora-objects:Order?clientId=RAW(id-1)"
                                                            + "&clientSecret=RAW(s-1)&environment=EU_PRODUCTION"
                                                            + "&baseUrl=https://zuora-proxy.example.com/eu/",
                ZuoraObjectsEndpoint.class);

        assertThat(endpoint.getConfiguration().effectiveBaseUrl()).isEqualTo("https://zuora-proxy.example.com/eu");
    }

    @Test
    void plainHttpToAnotherHostIsRefusedUnlessAllowed() {
        String credentials = "&clientId=RAW(id-1)&clientSecret=RAW(s-1)";
        assertThatThrownBy(() -> context.getEndpoint("zuora-objects:Order?baseUrl=http://rest.example.com" + credentials))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("plain HTTP").hasStackTraceContaining("allowInsecureHttp=true");
        assertThat(context.getEndpoint("zuora-objects:Order?baseUrl=http://rest.example.com&allowInsecureHttp=true"
                + credentials, ZuoraObjectsEndpoint.class).getConfiguration().isAllowInsecureHttp()).isTrue();
        assertThat(context.getEndpoint("zuora-objects:Order?baseUrl=http://localhost:8082" + credentials)).isNotNull();
    }
}
