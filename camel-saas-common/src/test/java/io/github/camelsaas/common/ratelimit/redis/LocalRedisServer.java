package io.github.camelsaas.common.ratelimit.redis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway {@code redis-server} from the PATH on a free loopback port, without persistence, for tests of the
 * shared rate limits. {@link #startOrSkip()} skips the calling test (a JUnit assumption) when the binary is missing.
 * {@link #stop()} and {@link #start()} again on the same port play an outage.
 */
public final class LocalRedisServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final Path binary;
    private final int port;
    private final Path log;
    private Process process;

    private LocalRedisServer(Path binary, int port, Path log) {
        this.binary = binary;
        this.port = port;
        this.log = log;
    }

    /** The redis-server on the PATH, if any. */
    public static Optional<Path> findBinary() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Starts a server, or skips the test with a message saying what to install. */
    public static LocalRedisServer startOrSkip() {
        Optional<Path> binary = findBinary();
        assumeTrue(binary.isPresent(), "redis-server is not on the PATH: install it (Debian: apt-get install "
                + "redis-server) to run the tests of the Redis rate-limit backend");
        try {
            Path log = Files.createTempFile("redis-server-", ".log");
            LocalRedisServer server = new LocalRedisServer(binary.get(), freePort(), log);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts (again) on this server's port and waits until it answers PING. */
    public void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        Process started = process;
        await("redis-server on port " + port + " answering PING (its log: " + log + ")")
                .atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(20))
                .failFast("redis-server exited; its log: " + log, () -> !started.isAlive())
                .until(this::answersPing);
    }

    /** Stops the server (an outage); clients connected to it lose their connection. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = in.readNBytes(answer, 0, answer.length);
            return new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
