package io.github.camelsaas.simulator.common;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The headers a proxy must not pass on: those that describe one connection rather than the message (RFC 9110
 * section 7.6.1), those the proxy's own HTTP stack writes itself (framing, Host), and those
 * {@link java.net.http.HttpClient} refuses to be given. Names are compared without regard to case.
 */
final class HopByHopHeaders {

    private static final Set<String> ALWAYS_DROPPED = Set.of(
            "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
            "http2-settings",
            // written by the stack that sends the message again, from the body it actually sends
            "host", "content-length", "expect");

    private final Set<String> dropped;

    private HopByHopHeaders(Set<String> dropped) {
        this.dropped = dropped;
    }

    /**
     * The set for one message: the fixed names plus any the message's own {@code Connection} header lists, since
     * a sender may mark further headers as hop-by-hop that way.
     */
    static HopByHopHeaders of(List<String> connectionHeaderValues) {
        Set<String> dropped = new TreeSet<>(ALWAYS_DROPPED);
        if (connectionHeaderValues != null) {
            for (String value : connectionHeaderValues) {
                for (String token : value.split(",")) {
                    if (!token.isBlank()) {
                        dropped.add(token.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return new HopByHopHeaders(dropped);
    }

    boolean isDropped(String headerName) {
        return dropped.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
