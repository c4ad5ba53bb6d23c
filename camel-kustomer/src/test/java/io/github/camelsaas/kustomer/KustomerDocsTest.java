package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.testsupport.ComponentDocs;

/**
 * The component page documents what the generated descriptor says: every option with its group, description,
 * default and type, the counts in the text, and every header. Fails when an option changes and the page does not.
 */
class KustomerDocsTest {

    private static ComponentDocs docs() throws Exception {
        return ComponentDocs.of("src/main/docs/kustomer-component.adoc",
                "/META-INF/io/github/camelsaas/kustomer/kustomer.json");
    }

    @Test
    void theOptionTablesMatchTheGeneratedDescriptor() throws Exception {
        docs().assertOptionTablesMatchTheDescriptor();
    }

    @Test
    void theHeaderTableNamesEveryHeader() throws Exception {
        ComponentDocs docs = docs();

        docs.descriptor().get("headers").fieldNames().forEachRemaining(header ->
                assertThat(docs.page()).as("the page documents header %s", header).contains("| `" + header + "` |"));
    }
}
