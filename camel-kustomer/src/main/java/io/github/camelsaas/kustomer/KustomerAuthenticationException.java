package io.github.camelsaas.kustomer;

import java.util.Locale;
import io.github.camelsaas.kustomer.api.KustomerError;
import io.github.camelsaas.kustomer.api.KustomerRequest;

/**
 * Kustomer answered 401: the API key is invalid or expired, or it lacks the role the call needs (Kustomer answers
 * 401, not 403, for a missing role). Fails the whole exchange, since no record can be written with that key; for a
 * list body the cause carries every record's outcome. The message names the roles the call needs, never the key.
 */
public class KustomerAuthenticationException extends KustomerApiException {

    private static final long serialVersionUID = 1L;

    KustomerAuthenticationException(String message, String code, String title, String call, Throwable cause) {
        super(message, 401, code, title, call, cause);
    }

    public static KustomerAuthenticationException of(KustomerRequest request, KustomerError error) {
        return new KustomerAuthenticationException(message(request, error), error.code(), error.title(),
                request.describe(), null);
    }

    /** The same failure, with the outcomes of a list body as its cause. */
    KustomerAuthenticationException withCause(Throwable cause) {
        return new KustomerAuthenticationException(getMessage(), getCode(), getTitle(), getCall(), cause);
    }

    private static String message(KustomerRequest request, KustomerError error) {
        return "Kustomer refused the API key (401 unauthorized) for " + request.describe()
                + ": the key is invalid or expired, or it lacks the role this call needs" + roleHint(request)
                + ". Kustomer said: " + error.describe();
    }

    /** The legacy and permission-set roles of a call, e.g. org.user.kobject.write or org.permission.kobject.create. */
    private static String roleHint(KustomerRequest request) {
        String template = request.path().template();
        String resource = resourceOf(template);
        if ("GET".equals(request.method()) && template.matches("/v1/klasses/[^/]+")) {
            // listing KObjects needs the klass role, not the kobject one
            resource = "klass";
        } else if ("GET".equals(request.method()) && template.matches("/v1/(customers|companies)/\\{id}/klasses/.+")) {
            // a customer's or company's KObjects are read with the customer or company role
            resource = template.startsWith("/v1/customers/") ? "customer" : "company";
        }
        if (resource == null) {
            return "";
        }
        String method = request.method().toUpperCase(Locale.ROOT);
        boolean read = method.equals("GET");
        String action = switch (method) {
            case "GET" -> "read";
            case "POST" -> "create";
            case "DELETE" -> "delete";
            default -> "update";
        };
        return " (e.g. org.user." + resource + (read ? ".read" : ".write") + " or org.permission." + resource + "."
                + action + ")";
    }

    /**
     * The resource a path template addresses; a customer- or conversation-scoped create addresses what follows the
     * customer or conversation.
     */
    private static String resourceOf(String template) {
        String rest = template.replaceFirst("^/v1/(customers|conversations)/\\{id}(?=/)", "/v1");
        String first = rest.startsWith("/v1/") ? rest.substring(4).split("/")[0] : "";
        if (first.equals("klasses")) {
            return KustomerResource.kobjects.singular();
        }
        for (KustomerResource resource : KustomerResource.values()) {
            if (resource.name().equals(first)) {
                return resource.singular();
            }
        }
        return null;
    }
}
