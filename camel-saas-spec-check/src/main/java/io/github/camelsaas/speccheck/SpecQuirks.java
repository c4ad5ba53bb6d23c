package io.github.camelsaas.speccheck;

import java.util.Iterator;
import java.util.Map;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one list of what our checks read differently from the vendors' descriptions, each with its reason (see also
 * ../shared/specs/SOURCES.md). Everything not listed here is checked as the description says.
 * <ol>
 * <li><b>Kustomer {@code custom} is open.</b> The description declares every {@code custom} object with
 * {@code additionalProperties: false}, which read literally forbids every custom attribute; Kustomer's own examples
 * send {@code custom: {shippingStatusStr: ...}} (SOURCES.md). The {@code additionalProperties: false} of properties
 * named {@code custom} is dropped; their other constraints ({@code maxProperties}) stay.</li>
 * <li><b>Error statuses an operation does not list.</b> Both vendors document their error answers (401, 403, 404,
 * 429, 5xx) on a few operations only, and every operation can answer them (SOURCES.md: Kustomer's 429 is described in
 * text only). An answer of 400 or more whose status the operation does not list is not a violation; one it lists is
 * checked against its schema. An undocumented 2xx still is a violation.</li>
 * <li><b>Kustomer arrays without {@code items}.</b> 125 array schemas of the description have no {@code items}, which
 * OpenAPI 3.0 requires (the validator's parser refuses to load the description). They are read as arrays of any
 * value ({@code items: {}}): what each item holds is not checked there.</li>
 * <li><b>Kustomer's repeated tag.</b> The top-level {@code tags} list names {@code Messages} twice; the repeat is
 * dropped (tags are documentation only, nothing is checked against them).</li>
 * <li><b>Kustomer's token checks.</b> {@code GET /v1/users/current} (the kustomer: producer's readiness check and
 * the simulators' key check) and {@code GET /v1/auth/tokens/current} are Kustomer endpoints outside the trimmed
 * description (SOURCES.md: trimmed to the core resources); they are not checked, only counted.</li>
 * </ol>
 * Outside the descriptions: requests on paths of neither vendor (camel-saas-common's transport tests use made-up
 * paths such as {@code /slow}; they test HTTP, not a vendor's API) are allowed only where the system property
 * {@code camelsaas.specs.unknownPaths=allow} says so, and counted.
 */
final class SpecQuirks {

    private SpecQuirks() {
    }

    /** Applies the description quirks (1 above) to the description of {@code api}, read as a tree. */
    static void patch(VendorApi api, JsonNode description) {
        if (api == VendorApi.KUSTOMER) {
            openCustomObjects(description);
            giveArraysItems(description);
            dropRepeatedTags(description);
        }
    }

    /** Whether the request is one of Kustomer's token checks, which the trimmed description lacks (5 above). */
    static boolean isUndescribedTokenCheck(VendorApi api, String method, String path) {
        return api == VendorApi.KUSTOMER && "GET".equals(method)
                && (path.equals("/v1/users/current") || path.equals("/v1/auth/tokens/current"));
    }

    /** Whether {@code message}, found on an exchange answered {@code status}, is an allowed quirk (2 above). */
    static boolean allows(ValidationReport.Message message, int status) {
        return status >= 400 && message.getKey().equals("validation.response.status.unknown");
    }

    private static void giveArraysItems(JsonNode node) {
        if (node.isObject()) {
            if ("array".equals(node.path("type").asText()) && !node.has("items")) {
                ((ObjectNode) node).putObject("items");
            }
            node.elements().forEachRemaining(SpecQuirks::giveArraysItems);
        } else if (node.isArray()) {
            node.forEach(SpecQuirks::giveArraysItems);
        }
    }

    private static void dropRepeatedTags(JsonNode description) {
        JsonNode tags = description.path("tags");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Iterator<JsonNode> it = tags.elements(); it.hasNext();) {
            if (!seen.add(it.next().path("name").asText())) {
                it.remove();
            }
        }
    }

    private static void openCustomObjects(JsonNode node) {
        if (node.isObject()) {
            JsonNode custom = node.path("properties").path("custom");
            if (custom.isObject() && custom.path("additionalProperties").isBoolean()
                    && !custom.path("additionalProperties").asBoolean()) {
                ((ObjectNode) custom).remove("additionalProperties");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                openCustomObjects(fields.next().getValue());
            }
        } else if (node.isArray()) {
            node.forEach(SpecQuirks::openCustomObjects);
        }
    }
}
