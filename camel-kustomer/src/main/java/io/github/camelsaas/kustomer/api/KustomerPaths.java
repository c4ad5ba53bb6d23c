package io.github.camelsaas.kustomer.api;

import java.nio.charset.StandardCharsets;
import io.github.camelsaas.kustomer.KustomerResource;

/**
 * Kustomer's paths per resource, as its API reference spells them (all under {@code /v1}). Each comes with a template
 * (ids replaced by placeholders) for log lines and error messages, which must not carry ids, emails or external ids.
 */
public final class KustomerPaths {

    /** The token check: answers 200 for a valid key, 401 otherwise. */
    public static final ApiPath CURRENT_USER = new ApiPath("/v1/users/current", "/v1/users/current");

    /** A path to call and the template that describes it. */
    public record ApiPath(String path, String template) {
    }

    private KustomerPaths() {
    }

    /** Where records are created: the customer-scoped path when a customer is given and the resource has one. */
    public static ApiPath create(KustomerResource resource, String klass, String customerId) {
        return create(resource, klass, customerId, null);
    }

    /**
     * Where a create goes, as Kustomer's API describes each one: a message or note of a conversation to
     * {@code /v1/conversations/{id}/messages|notes}; a KObject, conversation or message of a customer to
     * {@code /v1/customers/{id}/...}; anything else to its collection.
     */
    public static ApiPath create(KustomerResource resource, String klass, String customerId, String conversationId) {
        if (conversationId != null && resource.hasConversationScopedCreate()) {
            return new ApiPath("/v1/conversations/" + segment(conversationId) + "/" + resource,
                    "/v1/conversations/{id}/" + resource);
        }
        if (customerId != null && resource.hasCustomerScopedCreate()) {
            return under("customers", customerId, resource, klass);
        }
        return collection(resource, klass);
    }

    /**
     * A resource's records under one parent record, as Kustomer's scoped paths spell them:
     * {@code /v1/{parent}/{id}/klasses/{klass}} for KObjects, {@code /v1/{parent}/{id}/{resource}} otherwise.
     *
     * @param parent the parent's collection, e.g. {@code customers}
     */
    public static ApiPath under(String parent, String parentId, KustomerResource resource, String klass) {
        String tail = resource == KustomerResource.kobjects ? "/klasses/" + segment(klass) : "/" + resource;
        String tailTemplate = resource == KustomerResource.kobjects ? "/klasses/" + klass : "/" + resource;
        return new ApiPath("/v1/" + parent + "/" + segment(parentId) + tail, "/v1/" + parent + "/{id}" + tailTemplate);
    }

    /** The resource's collection: {@code /v1/klasses/{klass}}, {@code /v1/customers}, ... */
    public static ApiPath collection(KustomerResource resource, String klass) {
        String path = resource == KustomerResource.kobjects ? "/v1/klasses/" + segment(klass) : "/v1/" + resource;
        return new ApiPath(path, path);
    }

    public static ApiPath item(KustomerResource resource, String klass, String id) {
        ApiPath collection = collection(resource, klass);
        return new ApiPath(collection.path() + "/" + segment(id), collection.template() + "/{id}");
    }

    /** The lookup by external id; {@code externalId=} is a literal part of the last segment. */
    public static ApiPath byExternalId(KustomerResource resource, String klass, String externalId) {
        ApiPath collection = collection(resource, klass);
        return new ApiPath(collection.path() + "/externalId=" + segment(externalId),
                collection.template() + "/externalId={externalId}");
    }

    public static ApiPath customerByEmail(String email) {
        return new ApiPath("/v1/customers/email=" + segment(email), "/v1/customers/email={email}");
    }

    public static ApiPath bulk(KustomerResource resource, String klass) {
        ApiPath collection = collection(resource, klass);
        return new ApiPath(collection.path() + "/bulk", collection.template() + "/bulk");
    }

    /**
     * What makes a value unfit for a path segment, or null when it is fine. Encoding keeps everything else in its
     * segment, but not these: {@code .} and {@code ..} are dot segments, which any URL normaliser on the way (a
     * proxy, a gateway, the server) resolves away, so {@code /v1/customers/../klasses/order} would create a KObject
     * linked to no customer; and no id, email or external id holds a control character (a CR or LF is a broken
     * value, such as a line read with its line break).
     */
    public static String segmentProblem(String value) {
        if (value.isEmpty()) {
            return "is empty";
        }
        if (value.equals(".") || value.equals("..")) {
            return "is '" + value + "', which a URL path resolves as a relative reference";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains a control character at position " + i;
            }
        }
        return null;
    }

    /**
     * @param  where                    what the value is, for the message: e.g. "header CamelKustomerId"
     * @throws IllegalArgumentException when the value is unfit for a path segment
     */
    public static String requireSegment(String value, String where) {
        String problem = segmentProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(where + " " + problem + ": it cannot name a Kustomer resource");
        }
        return value;
    }

    /**
     * Percent-encodes a value for one path segment: everything but RFC 3986's unreserved characters and {@code @}
     * (kept so email lookups stay readable), so an id holding a slash, a space or a plus cannot change the path.
     * Callers check their values first ({@link #segmentProblem}); this refuses them too, as a last line.
     */
    static String segment(String value) {
        requireSegment(value, "a value for the URL path");
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~'
                    || c == '@')) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
