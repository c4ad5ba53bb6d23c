package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** Records are checked before sending: every violation of a record reported together, with its index; nothing sent. */
class KustomerValidationTest extends KustomerSimulatorTestSupport {

    @Test
    void everyViolationOfAKObjectIsReportedAtOnceAndNothingIsSent() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("priceNum", "12.50");
        custom.put("shippedAt", "yesterday");
        custom.put("noteStr", "n".repeat(1025));
        custom.put("giftBool", "yes");
        custom.put("trackingUrl", "not a uri");
        custom.put("colour", "red");
        custom.put("weightNum", null);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("title", "t".repeat(257));
        record.put("custom", custom);
        record.put("tags", List.of("ok", " leading space", "ok"));
        record.put("priority", 3);

        Exchange exchange = send("kustomer:kobjects?klass=order", record);

        assertThat(exchange.getException()).isInstanceOf(KustomerValidationException.class);
        String message = exchange.getException().getMessage();
        assertThat(message).startsWith("record 0 is invalid and was not sent: ")
                .contains("unknown KObject property [priority]")
                .contains("title must be 1-256 characters, was 257")
                .contains("custom.priceNum must be a number or null (suffix Num), was a string")
                .contains("custom.shippedAt must be an ISO-8601 date-time")
                .contains("custom.noteStr must be at most 1024 characters, was 1025")
                .contains("custom.giftBool must be a boolean or null (suffix Bool)")
                .contains("custom.trackingUrl must be an absolute URI or null (suffix Url)")
                .contains("custom.colour has no type suffix")
                .contains("tags must not repeat a tag")
                .contains("tags[1] must be 1-64 characters")
                // null is allowed for every type, and values are never echoed
                .doesNotContain("weightNum").doesNotContain("12.50").doesNotContain("yesterday");
        assertThat(simulator.stats().totalCalls()).isZero();
    }

    @Test
    void aKObjectNeedsATitleAndAtMostHundredAttributesAndTwentyTags() {
        Map<String, Object> custom = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            custom.put("field" + i + "Str", "v");
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tags.add("tag" + i);
        }
        Exchange exchange = send("kustomer:kobjects?klass=order", Map.of("custom", custom, "tags", tags));

        assertThat(exchange.getException()).hasMessageContaining("title is required")
                .hasMessageContaining("custom has 101 attributes, at most 100 allowed")
                .hasMessageContaining("tags has 21 items, at most 20 allowed");
        assertThat(simulator.stats().totalCalls()).isZero();
    }

    @Test
    void inAListOnlyTheInvalidRecordsAreHeldBackEachWithItsIndex() {
        List<Map<String, Object>> orders = KustomerBulkTest.orders(5);
        orders.get(1).put("custom", Map.of("countNum", "three"));
        orders.get(3).remove("title");
        orders.get(3).put("tags", List.of(""));

        Exchange exchange = send("kustomer:kobjects?klass=order", orders);

        PartialFailureException partial = (PartialFailureException) exchange.getException();
        assertThat(partial.getFailedRecords()).extracting(FailedRecord::index).containsExactly(1, 3);
        assertThat(partial.getFailedRecords().get(1).message()).contains("title is required").contains("tags[0]");
        assertThat(partial.getFailedRecords()).allSatisfy(f -> assertThat(f.retryable()).isFalse());
        assertThat(partial.getSucceeded()).hasSize(3);
        // one bulk call with the three valid records, none of the invalid ones
        assertThat(simulator.bulkJobs()).singleElement().satisfies(job -> assertThat(job.items()).hasSize(3));
        assertThat(simulator.kobjects("order")).extracting(o -> o.attribute("title"))
                .containsExactly("Order 1", "Order 3", "Order 5");
    }

    @Test
    void customAttributesAreCheckedOnEveryResourceAndUpdatesMayOmitTheTitle() {
        Exchange customer = send("kustomer:customers", Map.of("name", "Ada", "custom", Map.of("vipBool", "yes")));
        assertThat(customer.getException()).hasMessageContaining("custom.vipBool must be a boolean");

        Exchange update = send("kustomer:kobjects?klass=order&operation=update",
                Map.of("id", "5f1e2d3c4b5a697887a6b5c4", "custom", Map.of("priceNum", 12.5), "rev", 1,
                        "customer", "5f1e2d3c4b5a697887a6b5c4"));
        // a KObject update takes no customer link, but needs no title
        assertThat(update.getException()).hasMessageContaining("unknown KObject property [customer]")
                .hasMessageNotContaining("title is required");
        assertThat(simulator.stats().totalCalls()).isZero();
    }

    @Test
    void validateFalseLeavesTheCheckingToKustomer() {
        Exchange exchange = send("kustomer:kobjects?klass=order&validate=false", Map.of("custom",
                Map.of("priceNum", "12.50"), "title", "x"));

        assertThat(exchange.getException()).isNotInstanceOf(KustomerValidationException.class)
                .hasMessageContaining("400").hasMessageContaining("custom/priceNum must be a number");
        assertThat(simulator.stats().calls("POST /v1/klasses/{name}")).isEqualTo(1);
    }
}
