package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The component page lists every option (with its default) and every header of the generated descriptor. */
class KustomerDocsTest {

    @Test
    void thePageMatchesTheGeneratedDescriptor() throws Exception {
        String page = Files.readString(Path.of("src/main/docs/kustomer-component.adoc"));
        JsonNode descriptor;
        try (InputStream json = getClass().getResourceAsStream("/META-INF/io/github/camelsaas/kustomer/kustomer.json")) {
            descriptor = new ObjectMapper().readTree(json);
        }
        for (String section : new String[] { "componentProperties", "properties" }) {
            for (Map.Entry<String, JsonNode> option : descriptor.get(section).properties()) {
                String row = page.lines().filter(line -> line.startsWith("| *" + option.getKey() + "* ("))
                        .findFirst().orElse(null);
                assertThat(row).as("the page documents option %s", option.getKey()).isNotNull();
                JsonNode defaultValue = option.getValue().get("defaultValue");
                if (defaultValue != null && !"duration".equals(option.getValue().get("type").asText())) {
                    assertThat(row).as("default of %s", option.getKey()).contains("| " + defaultValue.asText() + " |");
                }
            }
        }
        descriptor.get("headers").fieldNames().forEachRemaining(header ->
                assertThat(page).as("the page documents header %s", header).contains("| `" + header + "` |"));
    }
}
