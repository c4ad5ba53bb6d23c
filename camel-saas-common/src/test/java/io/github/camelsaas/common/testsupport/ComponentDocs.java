package io.github.camelsaas.common.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

/**
 * What both components' docs tests check: the option tables of a component page say what the generated descriptor
 * says (every option with its group, description, default and type, and the counts in the text).
 */
public final class ComponentDocs {

    /** {@code | *name* (group) | description | default | type} */
    private static final Pattern ROW = Pattern.compile("^\\| \\*(\\S+)\\* \\((.+?)\\) \\| (.*) \\| (.*) \\| (.*)$");

    private final String page;
    private final JsonNode descriptor;

    private ComponentDocs(String page, JsonNode descriptor) {
        this.page = page;
        this.descriptor = descriptor;
    }

    /**
     * @param page       the component page, e.g. {@code src/main/docs/kustomer-component.adoc}
     * @param descriptor the generated JSON on the test classpath, e.g. {@code /META-INF/.../kustomer.json}
     */
    public static ComponentDocs of(String page, String descriptor) throws IOException {
        try (InputStream json = ComponentDocs.class.getResourceAsStream(descriptor)) {
            assertThat(json).as(descriptor).isNotNull();
            return new ComponentDocs(Files.readString(Path.of(page)), new ObjectMapper().readTree(json));
        }
    }

    public String page() {
        return page;
    }

    public JsonNode descriptor() {
        return descriptor;
    }

    /** The component and endpoint option tables are the descriptor's, row by row, and the counts match. */
    public void assertOptionTablesMatchTheDescriptor() {
        assertThat(rows(section("component options"))).isEqualTo(expected(descriptor.get("componentProperties")));
        assertThat(rows(section("endpoint options"))).isEqualTo(expected(descriptor.get("properties")));
        assertThat(page).contains("supports " + descriptor.get("componentProperties").size() + " options")
                .contains("Query Parameters (" + (descriptor.get("properties").size() - 1) + " parameters)");
    }

    /** The text between the {@code // name: START} and {@code // name: END} markers. */
    public String section(String name) {
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
