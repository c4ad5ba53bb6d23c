package io.github.camelsaas.common.json;

/**
 * A server answer that is not the JSON that was expected: not JSON at all (an HTML error page from a proxy,
 * a truncated body) or JSON of the wrong shape. The message quotes the start of the answer, with credentials
 * it may echo masked, so the cause can be diagnosed from a log line alone.
 */
public class JsonResponseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JsonResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
