package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * A conversation or message of a customer, and a message or note of a conversation, are created on the path
 * Kustomer's API describes for them (the scope in the path, not in the body), and land where they belong.
 */
class KustomerScopedCreatesTest extends KustomerSimulatorTestSupport {

    @Test
    void aConversationAMessageAndANoteLandInTheirCustomerAndConversation() {
        String customer = createCustomer("Ada Lovelace");

        Exchange conversation = send("kustomer:conversations", Map.of("name", "Help", "customer", customer));
        assertThat(conversation.getException()).isNull();
        String conversationId = conversation.getMessage().getHeader(KustomerConstants.ID, String.class);
        Exchange message = send("kustomer:messages", Map.of("channel", "chat", "app", "chat", "conversation",
                conversationId));
        Exchange note = send("kustomer:notes", Map.of("body", "Called back", "conversation", conversationId));

        assertThat(message.getException()).isNull();
        assertThat(note.getException()).isNull();
        assertThat(simulator.conversations()).singleElement()
                .satisfies(stored -> assertThat(stored.customerId()).isEqualTo(customer));
        assertThat(simulator.messages()).singleElement()
                .satisfies(stored -> assertThat(stored.conversationId()).isEqualTo(conversationId));
        assertThat(simulator.notes()).singleElement()
                .satisfies(stored -> assertThat(stored.conversationId()).isEqualTo(conversationId));
        assertThat(simulator.stats().calls("POST /v1/customers/{id}/conversations")).isEqualTo(1);
        assertThat(simulator.stats().calls("POST /v1/conversations/{id}/messages")).isEqualTo(1);
        assertThat(simulator.stats().calls("POST /v1/conversations/{id}/notes")).isEqualTo(1);
    }
}
