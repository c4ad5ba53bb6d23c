package io.github.camelsaas.simulator.zuora;

/**
 * The operations the Zuora simulator serves. {@link #key()} is the name under which
 * {@link ZuoraSimulator#stats()} counts calls, e.g. {@code stats().calls(ZuoraRoute.CREATE_RECORDS.key())}.
 */
public enum ZuoraRoute {
    CREATE_TOKEN("POST", "/oauth/token"),
    LIST_DEFINITIONS("GET", "/objects/definitions/default"),
    CREATE_DEFINITIONS("POST", "/objects/definitions/default"),
    GET_DEFINITION("GET", "/objects/definitions/default/{object}"),
    CREATE_RECORDS("POST", "/objects/records/default/{object}"),
    QUERY_RECORDS("GET", "/objects/records/default/{object}"),
    GET_RECORD("GET", "/objects/records/default/{object}/{id}"),
    REPLACE_RECORD("PUT", "/objects/records/default/{object}/{id}"),
    PATCH_RECORD("PATCH", "/objects/records/default/{object}/{id}"),
    DELETE_RECORD("DELETE", "/objects/records/default/{object}/{id}"),
    BATCH_RECORDS("POST", "/objects/batch/default/{object}");

    private final String method;
    private final String pathTemplate;

    ZuoraRoute(String method, String pathTemplate) {
        this.method = method;
        this.pathTemplate = pathTemplate;
    }

    public String method() {
        return method;
    }

    /** The path as Zuora's OpenAPI description writes it, with {@code {object}} and {@code {id}} placeholders. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** {@code "METHOD template"}, e.g. {@code "POST /objects/records/default/{object}"}. */
    public String key() {
        return method + " " + pathTemplate;
    }
}
