package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
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
}
