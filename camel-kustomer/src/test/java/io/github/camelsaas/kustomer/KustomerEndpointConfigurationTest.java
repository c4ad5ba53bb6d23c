package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import io.github.camelsaas.kustomer.api.KustomerBaseUrl;

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

    @Test
    void unsupportedOperationsMissingOrBadKlassesAndBadOptionsFailWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("kustomer:companies?operation=delete"))
                .hasStackTraceContaining("Operation delete is not supported for Kustomer resource companies")
                .hasStackTraceContaining("allowed: create, update, get");
        assertThatThrownBy(() -> context.getEndpoint("kustomer:notes?operation=remove"))
                .hasStackTraceContaining("Unknown Kustomer operation 'remove'; allowed for notes: create, get");
        assertThatThrownBy(() -> context.getEndpoint("kustomer:kobjects"))
                .hasStackTraceContaining("The kobjects resource needs the klass option");
        assertThatThrownBy(() -> context.getEndpoint("kustomer:kobjects?klass=my order"))
                .hasStackTraceContaining("Invalid KObject klass name 'my order'")
                .hasStackTraceContaining("^[0-9a-zA-Z_-]+$");
        assertThatThrownBy(() -> context.getEndpoint("kustomer:customers?region=apac"))
                .hasStackTraceContaining("Unknown Kustomer region 'apac'; allowed: us, eu");
        assertThatThrownBy(() -> context.getEndpoint("kustomer:customers?bulkSize=101"))
                .hasStackTraceContaining("bulkSize must be from 1 to 100");
        assertThatThrownBy(() -> context.getEndpoint("kustomer:customers?orgName=acme&region=eu"))
                .hasStackTraceContaining("for an EU org use region=eu without orgName");
        assertThatThrownBy(() -> context.getEndpoint("kustomer:customers?baseUrl=ftp://example.com"))
                .hasStackTraceContaining("use an absolute http or https URL");
        assertThatThrownBy(() -> context.getEndpoint("kustomer:customers?maxConcurrentRequests=0"))
                .hasStackTraceContaining("maxConcurrentRequests must be at least 1, was 0");
    }

    @Test
    void theBaseUrlComesFromBaseUrlElseOrgNameElseRegion() {
        KustomerConfiguration configuration = new KustomerConfiguration();
        assertThat(KustomerBaseUrl.resolve(configuration)).isEqualTo("https://api.kustomerapp.com");
        configuration.setRegion("eu");
        assertThat(KustomerBaseUrl.resolve(configuration)).isEqualTo("https://api.prod2.kustomerapp.com");
        configuration.setRegion("us");
        configuration.setOrgName("Acme");
        assertThat(KustomerBaseUrl.resolve(configuration)).isEqualTo("https://acme.api.kustomerapp.com");
        configuration.setBaseUrl("http://localhost:8080/");
        assertThat(KustomerBaseUrl.resolve(configuration)).isEqualTo("http://localhost:8080");
    }

    @Test
    void durationsAndDefaultsBindAsDocumented() {
        KustomerConfiguration configuration = context.getEndpoint(
                "kustomer:customers?rateLimitWindow=2s&batchWindow=250ms&apiKey=k-123456", KustomerEndpoint.class).getConfiguration();
        assertThat(configuration.getRateLimitWindow()).isEqualTo(2_000);
        assertThat(configuration.getBatchWindow()).isEqualTo(250);
        assertThat(configuration.getRequestsPerMinute()).isZero();
        assertThat(configuration.getCustomerCreatesPerMinute()).isEqualTo(120);
        assertThat(configuration.getBulkSize()).isEqualTo(100);
        assertThat(configuration.getMaxConcurrentRequests()).isEqualTo(4);
        assertThat(configuration.isBulk()).isTrue();
        assertThat(configuration.isFailOnPartialFailure()).isTrue();
        assertThat(configuration.isValidate()).isTrue();
    }

    @Test
    void anEndpointWithoutKeyFailsToStartAndNoToStringShowsAKey() {
        assertThatThrownBy(() -> context.getEndpoint("kustomer:customers?baseUrl=http://localhost:1"))
                .hasStackTraceContaining("needs an apiKey (option apiKey on the endpoint or the component)");

        KustomerEndpoint endpoint = context.getEndpoint(
                "kustomer:customers?baseUrl=http://localhost:1&apiKey=RAW(k-secret-123456)", KustomerEndpoint.class);
        assertThat(endpoint.toString()).doesNotContain("k-secret-123456").contains("apiKey=xxxxxx");
        assertThat(endpoint.getConfiguration().toString()).doesNotContain("k-secret-123456").contains("apiKey=set");
    }

    @Test
    void plainHttpToAnotherHostIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> context.getEndpoint("kustomer:customers?baseUrl=http://kustomer.example.com"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("plain HTTP").hasStackTraceContaining("allowInsecureHttp=true");
        assertThat(context.getEndpoint("kustomer:customers?baseUrl=http://kustomer.example.com&allowInsecureHttp=true"
                + "&apiKey=RAW(k-1)", KustomerEndpoint.class).getConfiguration().isAllowInsecureHttp()).isTrue();
        assertThat(context.getEndpoint("kustomer:customers?baseUrl=http://127.0.0.1:8081&apiKey=RAW(k-1)")).isNotNull();
    }
}
