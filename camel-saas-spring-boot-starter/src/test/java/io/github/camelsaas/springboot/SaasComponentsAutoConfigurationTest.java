package io.github.camelsaas.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import io.github.camelsaas.common.ratelimit.InMemoryRateLimitBackend;
import io.github.camelsaas.kustomer.KustomerComponent;
import io.github.camelsaas.zuora.objects.ZuoraObjectsComponent;

/** The binding of {@code camel.component.<name>.*} on its own, without Spring Boot or a server. */
class SaasComponentsAutoConfigurationTest {

    final CamelContext camel = new DefaultCamelContext();
    final MockEnvironment environment = new MockEnvironment();

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void relaxedNamesAndNestedPlaceholdersBind() {
        environment.setProperty("camel.component.kustomer.api-key", "{{missing:the-key}}");
        environment.setProperty("camel.component.kustomer.requestsPerMinute", "1000");
        environment.setProperty("camel.component.kustomer.rate-limit-window", "30s");
        KustomerComponent kustomer = bind("kustomer", new KustomerComponent());

        assertThat(kustomer.getConfiguration().getApiKey()).isEqualTo("the-key");
        assertThat(kustomer.getConfiguration().getRequestsPerMinute()).isEqualTo(1000);
        assertThat(kustomer.getConfiguration().getRateLimitWindow()).isEqualTo(30_000L);
    }

    @Test
    void anEmptyValueLeavesTheDefault() {
        environment.setProperty("camel.component.zuora-objects.base-url", "");
        environment.setProperty("camel.component.zuora-objects.client-id", "{{ZUORA_CLIENT_ID_NOT_SET:}}");
        environment.setProperty("camel.component.zuora-objects.max-concurrent-requests", "3");
        ZuoraObjectsComponent zuora = bind("zuora-objects", new ZuoraObjectsComponent());

        assertThat(zuora.getConfiguration().getBaseUrl()).isNull();
        assertThat(zuora.getConfiguration().getClientId()).isNull();
        assertThat(zuora.getConfiguration().getMaxConcurrentRequests()).isEqualTo(3);
    }

    @Test
    void theSharedRateLimitOptionsBind() {
        InMemoryRateLimitBackend sharedLimits = new InMemoryRateLimitBackend();
        camel.getRegistry().bind("sharedLimits", sharedLimits);
        environment.setProperty("camel.component.kustomer.rate-limit-redis-uri", "redis://:{{missing:pw}}@redis:6379/2");
        environment.setProperty("camel.component.zuora-objects.rate-limit-backend", "#sharedLimits");
        KustomerComponent kustomer = bind("kustomer", new KustomerComponent());
        ZuoraObjectsComponent zuora = bind("zuora-objects", new ZuoraObjectsComponent());

        // bound only: the Redis connection is made when the component starts
        assertThat(kustomer.getRateLimitRedisUri()).isEqualTo("redis://:pw@redis:6379/2");
        assertThat(zuora.getRateLimitBackend()).isSameAs(sharedLimits);
    }

    @Test
    void anUnknownNameFailsNamingIt() {
        environment.setProperty("camel.component.kustomer.api-kee", "typo");

        assertThatThrownBy(() -> bind("kustomer", new KustomerComponent()))
                .isInstanceOf(PropertyBindingException.class)
                .hasMessageContaining("apiKee");
    }

    @Test
    void onlyTheTwoComponentsAreCustomized() {
        var customizer = new SaasComponentsAutoConfiguration.PropertiesCustomizer(Binder.get(environment),
                SaasComponentsAutoConfiguration.COMPONENTS);
        assertThat(customizer.isEnabled("kustomer", new KustomerComponent())).isTrue();
        assertThat(customizer.isEnabled("zuora-objects", new ZuoraObjectsComponent())).isTrue();
        assertThat(customizer.isEnabled("kustomer-eu", new KustomerComponent())).isFalse();
    }

    private <T extends org.apache.camel.Component> T bind(String name, T component) {
        component.setCamelContext(camel);
        new SaasComponentsAutoConfiguration.PropertiesCustomizer(Binder.get(environment),
                SaasComponentsAutoConfiguration.COMPONENTS).configure(name, component);
        return component;
    }
}
