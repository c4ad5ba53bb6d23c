package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** Proves the generated metadata is wired: the component is found by scheme and options bind from the URI. */
class KustomerEndpointConfigurationTest extends CamelTestSupport {

    @Test
    void optionsFromTheUriReachTheConfiguration() {
        KustomerEndpoint endpoint = context.getEndpoint(
                "kustomer:kobjects?klass=order&operation=upsert&region=eu&apiKey=RAW(k-123)&baseUrl=http://localhost:1",
                KustomerEndpoint.class);
        KustomerConfiguration configuration = endpoint.getConfiguration();
        assertThat(configuration.getResource()).isEqualTo(KustomerResource.kobjects);
        assertThat(configuration.getKlass()).isEqualTo("order");
        assertThat(configuration.getOperation()).isEqualTo("upsert");
        assertThat(configuration.getRegion()).isEqualTo("eu");
        assertThat(configuration.getApiKey()).isEqualTo("k-123");
        assertThat(configuration.getBaseUrl()).isEqualTo("http://localhost:1");
    }

    @Test
    void componentOptionsAreTheDefaultsEndpointsCopy() {
        KustomerComponent component = context.getComponent("kustomer", KustomerComponent.class);
        component.getConfiguration().setApiKey("from-component");
        KustomerEndpoint endpoint = context.getEndpoint("kustomer:customers", KustomerEndpoint.class);
        assertThat(endpoint.getConfiguration().getApiKey()).isEqualTo("from-component");
        assertThat(endpoint.getConfiguration().getOperation()).isEqualTo("create");
        assertThat(endpoint.getConfiguration()).isNotSameAs(component.getConfiguration());
    }

    @Test
    void theGeneratedUriFactoryKnowsTheOptionsAndMasksTheKey() throws Exception {
        EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("kustomer");
        assertThat(factory).isNotNull();
        assertThat(factory.propertyNames()).contains("resource", "klass", "apiKey", "region", "baseUrl", "operation");
        assertThat(factory.secretPropertyNames()).containsExactly("apiKey");
        assertThat(factory.buildUri("kustomer", Map.of("resource", "notes", "region", "eu"), false))
                .isEqualTo("kustomer:notes?region=eu");
    }

    @Test
    void anUnknownResourceOrOptionFailsWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("kustomer:tickets"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("Unknown Kustomer resource 'tickets'")
                .hasStackTraceContaining("kobjects, customers, companies, conversations, messages, notes");
        assertThatThrownBy(() -> context.getEndpoint("kustomer:customers?nosuchOption=1"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("nosuchOption");
    }
}
