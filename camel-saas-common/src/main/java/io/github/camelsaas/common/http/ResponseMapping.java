package io.github.camelsaas.common.http;

import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;

/** Converts the client's response into a {@link SaasHttpResponse}. */
final class ResponseMapping {

    private ResponseMapping() {
    }

    static SaasHttpResponse toSaasResponse(SimpleHttpResponse httpResponse) {
        boolean decoded = wasDecoded(httpResponse);
        List<SaasHttpHeader> headers = new ArrayList<>(httpResponse.getHeaders().length);
        for (Header header : httpResponse.getHeaders()) {
            // the client inflated the body but kept the headers describing the compressed form; drop them so no
            // caller mistakes the plain bytes for gzip or checks them against the compressed length
            if (decoded && (header.getName().equalsIgnoreCase(HttpHeaders.CONTENT_ENCODING)
                    || header.getName().equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH))) {
                continue;
            }
            headers.add(new SaasHttpHeader(header.getName(), header.getValue()));
        }
        return new SaasHttpResponse(httpResponse.getCode(), headers, httpResponse.getBodyBytes());
    }

    /**
     * The client's content-compression stage inflates every content coding it knows and fails the exchange on any
     * other, so a response that arrives with a content coding other than identity has been decoded.
     */
    private static boolean wasDecoded(SimpleHttpResponse httpResponse) {
        Header encoding = httpResponse.getFirstHeader(HttpHeaders.CONTENT_ENCODING);
        return encoding != null && !encoding.getValue().isBlank()
                && !encoding.getValue().trim().equalsIgnoreCase("identity");
    }
}
