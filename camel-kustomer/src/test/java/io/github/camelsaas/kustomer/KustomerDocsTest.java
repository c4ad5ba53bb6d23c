package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The component page documents what the generated descriptor says: every option and header, with its group,
 * description, default and type, and the counts in the text. Fails when an option changes and the page does not.
 */
class KustomerDocsTest {

    private static final Path PAGE = Path.of("src/main/docs/kustomer-component.adoc");
    /** {@code | *name* (group) | description | default | type} */
    private static final Pattern ROW = Pattern.compile("^\\| \\*(\\S+)\\* \\((.+?)\\) \\| (.*) \\| (.*) \\| (.*)$");

    @Test
    void theOptionTablesMatchTheGeneratedDescriptor() throws Exception {
        JsonNode descriptor = descriptor();
        String page = Files.readString(PAGE);

        assertThat(rows(section(page, "component options"))).isEqualTo(expected(descriptor.get("componentProperties")));
        assertThat(rows(section(page, "endpoint options"))).isEqualTo(expected(descriptor.get("properties")));
        assertThat(page).contains("supports " + descriptor.get("componentProperties").size() + " options")
                .contains("Query Parameters (" + (descriptor.get("properties").size() - 1) + " parameters)");
    }

    @Test
    void theHeaderTableNamesEveryHeader() throws Exception {
        JsonNode headers = descriptor().get("headers");
        String page = Files.readString(PAGE);

        headers.fieldNames().forEachRemaining(header ->
                assertThat(page).as("the page documents header %s", header).contains("| `" + header + "` |"));
    }

    private static JsonNode descriptor() throws Exception {
        try (InputStream json = KustomerDocsTest.class.getResourceAsStream(
                "/META-INF/io/github/camelsaas/kustomer/kustomer.json")) {
            return new ObjectMapper().readTree(json);
        }
    }

    private static String section(String page, String name) {
        int start = page.indexOf("// " + name + ": START");
        int end = page.indexOf("// " + name + ": END");
        assertThat(start).as(name + " markers").isNotNegative().isLessThan(end);
        return page.substring(start, end);
    }

    /** "name (group) | description | default | type" for every option row of a table section. */
    private static List<String> rows(String section) {
        List<String> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.add(row.group(1) + " (" + row.group(2) + ") | " + row.group(3) + " | " + row.group(4) + " | "
                         + row.group(5));
            }
        }
        return rows;
    }

    private static List<String> expected(JsonNode options) {
        List<String> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            String type = "object".equals(o.get("type").asText())
                    ? o.get("javaType").asText().substring(o.get("javaType").asText().lastIndexOf('.') + 1)
                    : o.get("type").asText();
            rows.add(option.getKey() + " (" + o.get("group").asText() + ") | "
                     + o.get("description").asText().replace("|", "\\|") + " | "
                     + (o.has("defaultValue") ? o.get("defaultValue").asText() : "") + " | " + type);
        }
        return rows;
    }
}
