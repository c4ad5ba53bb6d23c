package io.github.camelsaas.examples.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import io.github.camelsaas.zuora.objects.ZuoraEnvironment;

/** The Kamelet files follow the camel-kamelets conventions, and their template uses exactly the declared properties. */
class KameletDefinitionsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9_]+)}}");

    @Test
    void kustomerKObjectSink() throws IOException {
        Map<String, Object> kamelet = load("kustomer-kobject-sink");
        assertConventions(kamelet, "kustomer-kobject-sink", "Kustomer");

        assertThat(required(kamelet)).containsExactlyInAnyOrder("klass", "apiKey");
        assertThat(passwordProperties(kamelet)).as("properties shown as passwords").containsExactly("apiKey");
        assertThat(dependencies(kamelet))
                .contains("mvn:io.github.camelsaas:camel-kustomer:" + System.getProperty("project.version"));
        assertThat(sinkUri(kamelet)).isEqualTo("kustomer:kobjects");
        assertThat(property(kamelet, "region").get("enum")).isEqualTo(List.of("us", "eu"));
    }

    @Test
    void zuoraObjectsSink() throws IOException {
        Map<String, Object> kamelet = load("zuora-objects-sink");
        assertConventions(kamelet, "zuora-objects-sink", "Zuora");

        assertThat(required(kamelet)).containsExactlyInAnyOrder("objectName", "clientId", "clientSecret");
        assertThat(passwordProperties(kamelet)).as("properties shown as passwords").containsExactly("clientSecret");
        assertThat(credentialProperties(kamelet)).containsExactlyInAnyOrder("clientId", "clientSecret");
        assertThat(dependencies(kamelet))
                .contains("mvn:io.github.camelsaas:camel-zuora-objects:" + System.getProperty("project.version"));
        assertThat(sinkUri(kamelet)).isEqualTo("zuora-objects:{{objectName}}");
        assertThat(property(kamelet, "environment").get("enum")).as("the component's environments")
                .isEqualTo(Arrays.stream(ZuoraEnvironment.values()).map(Enum::name).toList());
    }

    private static void assertConventions(Map<String, Object> kamelet, String name, String group) {
        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        Map<String, Object> metadata = map(kamelet, "metadata");
        assertThat(metadata).containsEntry("name", name);
        assertThat(map(metadata, "labels")).containsEntry("camel.apache.org/kamelet.type", "sink");
        assertThat(map(metadata, "annotations"))
                .containsEntry("camel.apache.org/kamelet.support.level", "Preview")
                .containsEntry("camel.apache.org/catalog.version", System.getProperty("project.version"))
                .containsEntry("camel.apache.org/provider", "Camel SaaS connectors")
                .containsEntry("camel.apache.org/kamelet.group", group)
                .hasEntrySatisfying("camel.apache.org/kamelet.icon",
                        icon -> assertThat((String) icon).startsWith("data:image/svg+xml;base64,"));

        Map<String, Object> definition = definition(kamelet);
        assertThat(definition).containsKeys("title", "description").containsEntry("type", "object");
        Map<String, Object> properties = map(definition, "properties");
        assertThat(properties.keySet()).containsAll(required(kamelet));
        properties.forEach((property, spec) -> assertThat(map(properties, property).keySet()).as(property)
                .contains("title", "description", "type"));
        assertThat(credentialProperties(kamelet)).as("every password is in the credentials group")
                .containsAll(passwordProperties(kamelet));
        assertThat(dependencies(kamelet)).contains("camel:kamelet");

        Map<String, Object> from = map(map(map(kamelet, "spec"), "template"), "from");
        assertThat(from).containsEntry("uri", "kamelet:source");
        assertThat(placeholders(from)).as("the template uses every declared property and only those")
                .isEqualTo(new TreeSet<>(properties.keySet()));
    }

    private static Map<String, Object> load(String name) throws IOException {
        try (InputStream in = KameletDefinitionsTest.class.getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as(name + " on the classpath under kamelets/").isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromInputStream(in);
            return kamelet;
        }
    }

    private static Map<String, Object> definition(Map<String, Object> kamelet) {
        return map(map(kamelet, "spec"), "definition");
    }

    private static Map<String, Object> property(Map<String, Object> kamelet, String name) {
        return map(map(definition(kamelet), "properties"), name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> required(Map<String, Object> kamelet) {
        return (List<String>) definition(kamelet).get("required");
    }

    @SuppressWarnings("unchecked")
    private static List<String> dependencies(Map<String, Object> kamelet) {
        return (List<String>) map(kamelet, "spec").get("dependencies");
    }

    private static Set<String> passwordProperties(Map<String, Object> kamelet) {
        return map(definition(kamelet), "properties").entrySet().stream()
                .filter(e -> "password".equals(((Map<?, ?>) e.getValue()).get("format")))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> credentialProperties(Map<String, Object> kamelet) {
        return map(definition(kamelet), "properties").entrySet().stream()
                .filter(e -> ((Map<?, ?>) e.getValue()).get("x-descriptors") instanceof List<?> descriptors
                        && descriptors.contains("urn:camel:group:credentials"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static String sinkUri(Map<String, Object> kamelet) {
        Map<String, Object> from = map(map(map(kamelet, "spec"), "template"), "from");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) from.get("steps");
        assertThat(steps).hasSize(1);
        return (String) map(steps.get(0), "to").get("uri");
    }

    /** The property names the template refers to, as {{name}} or {{?name}}, anywhere in it. */
    private static Set<String> placeholders(Object node) {
        Set<String> names = new TreeSet<>();
        collect(node, names);
        return names;
    }

    private static void collect(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collect(value, names));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collect(value, names));
        } else if (node instanceof String text) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
