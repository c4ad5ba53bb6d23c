package io.github.camelsaas.common.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A local port that refuses connections for as long as this is open: a socket is bound to it but never listens,
 * so the kernel answers every connection attempt with a reset (connection refused), and no other process on a
 * shared machine can take the port meanwhile, as it could if a closed ephemeral port were used.
 */
final class RefusingPort implements AutoCloseable {

    private final Socket boundOnly = new Socket();

    RefusingPort() throws IOException {
        boundOnly.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    int port() {
        return boundOnly.getLocalPort();
    }

    /** A base URL on the refusing port. */
    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() throws IOException {
        boundOnly.close();
    }
}
