package io.github.camelsaas.common.http;

import org.apache.hc.core5.http.message.BasicHeader;

import io.github.camelsaas.common.redact.Redaction;

/**
 * A request header holding a credential ({@code Authorization} and the like): sent as it is, printed masked.
 *
 * <p>Apache HttpClient's header logger ({@code org.apache.hc.client5.http.headers}, DEBUG) prints every request
 * header with its {@code toString()}, and no option of the client builder replaces that listener. The request
 * writer, on the other hand, reads {@link #getName()} and {@link #getValue()}. So the credential still reaches the
 * server, and the log line reads {@code Authorization: Bearer xxxxxx}. The client keeps header objects as given
 * (the request is not copied on its way to the connection, and a copy for a proxy keeps the same header objects).
 * It is also flagged sensitive, which keeps it out of HTTP/2 header compression tables.
 */
final class MaskedHeader extends BasicHeader {

    private static final long serialVersionUID = 1L;

    MaskedHeader(String name, String value) {
        super(name, value, true);
    }

    /** Whether a header of this name and value holds a credential that must be masked when printed. */
    static boolean isCredential(String name, String value) {
        return !value.equals(Redaction.redactHeaderValue(name, value));
    }

    @Override
    public String toString() {
        return getName() + ": " + Redaction.redactHeaderValue(getName(), getValue());
    }
}
