package io.github.camelsaas.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses connections while this is open: a socket is bound to it but never listens, so every
 * connection attempt is refused, and no other process can take the port meanwhile.
 */
final class RefusingPort implements AutoCloseable {

    private final Socket boundOnly = new Socket();

    RefusingPort() throws IOException {
        boundOnly.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + boundOnly.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        boundOnly.close();
    }
}
