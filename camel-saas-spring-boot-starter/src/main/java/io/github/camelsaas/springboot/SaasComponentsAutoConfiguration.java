package io.github.camelsaas.springboot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.core.env.Environment;

/**
 * The starter's auto-configuration: applies {@code camel.component.kustomer.*} and
 * {@code camel.component.zuora-objects.*} of application.yaml / application.properties to the two components.
 *
 * <p>Camel Spring Boot binds {@code camel.component.<name>.*} only for components that have a Spring Boot starter.
 * Rather than generating an options class per component, this one customizer serves both: when Camel creates one
 * of the components, it reads that
 * component's properties from the Spring environment (relaxed names; Spring {@code ${...}} and Camel
 * {@code {{...}}} placeholders resolved) and sets them through the component's generated property configurer, the
 * way Camel Main does. An empty value (such as {@code ${KUSTOMER_BASE_URL:}} with the variable unset) leaves the
 * option at its default; a name the component does not know fails the startup, naming it.
 */
@AutoConfiguration
public class SaasComponentsAutoConfiguration {

    /** The components whose {@code camel.component.<name>.*} properties this binds. */
    static final List<String> COMPONENTS = List.of("kustomer", "zuora-objects");

    @Bean
    static ComponentCustomizer saasComponentProperties(Environment environment) {
        return new PropertiesCustomizer(Binder.get(environment), COMPONENTS);
    }

    /** Binds {@code camel.component.<name>.*} of the Spring environment onto the component named so. */
    static final class PropertiesCustomizer implements ComponentCustomizer {

        private final Binder binder;
        private final List<String> names;

        PropertiesCustomizer(Binder binder, List<String> names) {
            this.binder = binder;
            this.names = List.copyOf(names);
        }

        @Override
        public boolean isEnabled(String name, Component target) {
            return names.contains(name);
        }

        @Override
        public void configure(String name, Component component) {
            CamelContext camel = ((CamelContextAware) component).getCamelContext();
            Map<String, Object> options = options(camel, name);
            if (options.isEmpty()) {
                return;
            }
            PropertyBindingSupport.build()
                    .withCamelContext(camel)
                    .withTarget(component)
                    .withConfigurer(component.getComponentPropertyConfigurer())
                    .withProperties(options)
                    .withIgnoreCase(true)
                    .withMandatory(true)
                    .bind();
        }

        /** The component's non-empty options, placeholders resolved, by their camelCase names. */
        Map<String, Object> options(CamelContext camel, String name) {
            Map<String, String> raw = binder.bind("camel.component." + name,
                    Bindable.mapOf(String.class, String.class)).orElse(Map.of());
            Map<String, Object> options = new LinkedHashMap<>();
            raw.forEach((key, value) -> {
                String resolved = value == null ? null : camel.resolvePropertyPlaceholders(value);
                if (resolved != null && !resolved.isBlank()) {
                    options.put(StringHelper.dashToCamelCase(key), resolved);
                }
            });
            return options;
        }
    }
}
