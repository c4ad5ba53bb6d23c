package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The rules one by one: what passes matters as much as what is refused. */
class RecordValidatorTest {

    @Test
    void validValuesOfEverySuffixAndNullsPass() {
        Map<String, Object> custom = new HashMap<>();
        custom.put("totalNum", new BigDecimal("12.30"));
        custom.put("countNum", 3);
        custom.put("shippedAt", "2024-05-01T12:00:00Z");
        custom.put("localAt", "2024-05-01T12:00:00.123+02:00");
        custom.put("noteStr", "n".repeat(1024));
        custom.put("bodyTxt", "");
        custom.put("giftBool", false);
        custom.put("trackingUrl", "https://track.example/1");
        custom.put("clearedNum", null);
        Map<String, Object> kobject = Map.of("title", "Order", "custom", custom,
                "tags", List.of("vip", "Zoë's-list".replace("'", ""), "a b"), "importedAt", "2024-01-01T00:00:00Z");

        assertThat(RecordValidator.violations(KustomerResource.kobjects, KustomerOperation.create, kobject)).isEmpty();
    }

    @Test
    void anAtAttributeNeedsAnOffsetAndAUrlMustBeAbsolute() {
        Map<String, Object> record = Map.of("custom", Map.of("dueAt", "2024-05-01T12:00:00", "homeUrl", "/relative"));

        // Map.of iterates in no fixed order: the violations come in the record's order
        assertThat(RecordValidator.violations(KustomerResource.customers, KustomerOperation.update, record))
                .containsExactlyInAnyOrder("custom.dueAt must be an ISO-8601 date-time with offset such as 2024-05-01T12:00:00Z, "
                        + "or null (suffix At)", "custom.homeUrl must be an absolute URI or null (suffix Url)");
    }

    @Test
    void onlyKObjectsHaveTheirTopLevelPropertiesAndTitleChecked() {
        Map<String, Object> conversation = Map.of("name", "Help", "anything", 1);
        assertThat(RecordValidator.violations(KustomerResource.conversations, KustomerOperation.create, conversation))
                .isEmpty();
        assertThat(RecordValidator.violations(KustomerResource.kobjects, KustomerOperation.upsert,
                Map.of("title", "T", "externalId", "e", "customer", "c")))
                .isEmpty();
    }
}
