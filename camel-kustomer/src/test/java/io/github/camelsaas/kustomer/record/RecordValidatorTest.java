package io.github.camelsaas.kustomer.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import io.github.camelsaas.kustomer.KustomerOperation;
import io.github.camelsaas.kustomer.KustomerResource;

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

    @Test
    void aKObjectsDescriptionIconImagesAndExternalIdHaveTheSpecsLimits() {
        Map<String, Object> atTheLimits = new HashMap<>(Map.of("title", "Order", "description", "d".repeat(10_240),
                "icon", "i".repeat(64), "externalId", "e".repeat(256), "images",
                Collections.nCopies(20, "https://cdn.example/a.png")));
        assertThat(RecordValidator.violations(KustomerResource.kobjects, KustomerOperation.create, atTheLimits))
                .isEmpty();

        Map<String, Object> over = new HashMap<>(Map.of("title", "Order", "description", "d".repeat(10_241),
                "icon", "i".repeat(65), "externalId", "", "images", List.of("https://cdn.example/a.png", "a.png")));
        assertThat(RecordValidator.violations(KustomerResource.kobjects, KustomerOperation.update, over))
                .containsExactlyInAnyOrder("description must be at most 10240 characters, was 10241",
                        "icon must be at most 64 characters, was 65", "images[1] must be an absolute URL",
                        "externalId must be 1-256 characters, was 0");
        assertThat(RecordValidator.violations(KustomerResource.kobjects, KustomerOperation.create,
                Map.of("title", "Order", "images", "https://cdn.example/a.png", "description", 3)))
                .containsExactlyInAnyOrder("images must be an array of URLs, was a string",
                        "description must be a string, was a number");
    }

    @Test
    void everyResourcesCreatedAtImportedAtAndExternalIdAreChecked() {
        Map<String, Object> customer = Map.of("name", "Ada", "createdAt", "2024-05-01", "importedAt",
                "2024-05-01T12:00:00+02:00", "externalId", "e".repeat(257));

        assertThat(RecordValidator.violations(KustomerResource.customers, KustomerOperation.create, customer))
                .containsExactlyInAnyOrder("createdAt must be an ISO-8601 date-time with offset such as "
                        + "2024-05-01T12:00:00Z", "externalId must be 0-256 characters, was 257");
        assertThat(RecordValidator.violations(KustomerResource.notes, KustomerOperation.create,
                Map.of("body", "hi", "importedAt", 1714557600))).containsExactly("importedAt must be an ISO-8601 "
                        + "date-time with offset such as 2024-05-01T12:00:00Z");
    }
}
