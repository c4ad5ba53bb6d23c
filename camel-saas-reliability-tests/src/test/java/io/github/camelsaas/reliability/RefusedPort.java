package io.github.camelsaas.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A loopback port nothing listens on (bound once, then closed), for "connection refused" paths. */
final class RefusedPort {

    static final int PORT = freePort();

    private RefusedPort() {
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
