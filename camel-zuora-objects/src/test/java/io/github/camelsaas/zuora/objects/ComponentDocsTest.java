package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.testsupport.ComponentDocs;

/**
 * The component page documents what the generated descriptor says: every option and header, with its group,
 * description, default and type, and the counts in the text. Fails when an option changes and the page does not.
 */
class ComponentDocsTest {

    private static ComponentDocs docs() throws Exception {
        return ComponentDocs.of("src/main/docs/zuora-objects-component.adoc",
                "/META-INF/io/github/camelsaas/zuora/objects/zuora-objects.json");
    }

    @Test
    void theOptionTablesMatchTheGeneratedDescriptor() throws Exception {
        ComponentDocs docs = docs();

        docs.assertOptionTablesMatchTheDescriptor();
        assertThat(docs.page()).contains("supports " + docs.descriptor().get("headers").size()
                + " message header(s)");
    }

    @Test
    void theHeaderTableNamesEveryHeaderWithItsDescription() throws Exception {
        ComponentDocs docs = docs();
        String table = docs.section("component headers");

        for (Iterator<Map.Entry<String, JsonNode>> it = docs.descriptor().get("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> header = it.next();
            assertThat(table).contains("*" + header.getKey() + "*")
                    .contains(header.getValue().get("description").asText().replace("|", "\\|"));
        }
    }

    @Test
    void thePageShowsEachExampleInJavaAndYaml() throws Exception {
        String page = docs().page();
        String examples = page.substring(page.indexOf("\n== Examples\n"), page.indexOf("\n== Upgrading\n"));

        assertThat(count(examples, "\n=== ")).isEqualTo(4);
        assertThat(count(examples, "\nJava::\n")).isEqualTo(4);
        assertThat(count(examples, "\nYAML::\n")).isEqualTo(4);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
