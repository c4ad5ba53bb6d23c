package io.github.camelsaas.simulator.common;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 reverse proxy on 127.0.0.1 that holds every request for a random, seeded delay before forwarding it
 * to a target (typically a simulator), and records the instant each request left for the target.
 *
 * <p>Why: a client-side rate limiter grants a permit on the client's clock, but the vendor counts the request when
 * it arrives, and the time between the two is unbounded: a wait for a pooled connection, a connect, a TLS
 * handshake, queueing in the client's I/O reactor, in the network and in the vendor's front end. Requests granted
 * in one window can thus arrive bunched in another. Against a simulator on loopback that time is almost zero and
 * always the same, so a limiter that only holds on its own clock looks correct. This proxy makes the time random
 * (uniform in {@code [minDelayMs, maxDelayMs]}, from a seed, so a failure replays) and, optionally, longer for the
 * first request on each new connection, as a cold TLS handshake is. A test then judges "at most N in any span W"
 * on {@link #arrivals()}, the instants the vendor would count, with {@link ArrivalSpans}.
 *
 * <p>The delay is spent on a proxy thread (one sleeping thread per request held), never on a thread of the
 * client, so the client sees only latency. Bodies and {@code Content-Encoding} pass through untouched: the target
 * is asked with the client's own {@code Accept-Encoding} and its bytes are relayed as they came. A request the
 * proxy cannot forward is answered 502.
 *
 * <p>A connection is told apart by the client's address and port; a port the client's OS reuses for a later
 * connection would count as already warm, which does not happen within a test run in practice.
 */
public final class DelayingProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DelayingProxy.class);

    /** One request as the target saw it arrive: when it was forwarded, its method and raw path (no query). */
    public record Arrival(long atMillis, String method, String path) {
    }

    private final URI target;
    private final int minDelayMillis;
    private final int maxDelayMillis;
    private final int firstRequestOnConnectionDelayMillis;
    private final Random random;
    private final HttpServer server;
    private final ExecutorService handlerThreads;
    private final ExecutorService forwardingThreads;
    private final HttpClient forwardingClient;

    /** Guarded by itself; appended in forwarding order, so its instants never go backwards. */
    private final List<Arrival> arrivals = new ArrayList<>();
    /** Guarded by {@link #random}, drawn in the order requests reached the handler. */
    private final List<Integer> delaysDrawn = new ArrayList<>();
    private final Set<InetSocketAddress> connectionsSeen = ConcurrentHashMap.newKeySet();

    private DelayingProxy(Builder builder) throws IOException {
        this.target = URI.create(stripTrailingSlash(builder.targetBaseUrl));
        this.minDelayMillis = builder.minDelayMillis;
        this.maxDelayMillis = builder.maxDelayMillis;
        this.firstRequestOnConnectionDelayMillis = builder.firstRequestOnConnectionDelayMillis;
        this.random = new Random(builder.seed);
        // bound first: if the port is taken, no thread has been started yet
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 256);
        // cached, not fixed: every held request has its own thread, so a pool size never adds an unseeded delay
        this.handlerThreads = Executors.newCachedThreadPool(daemonThreads("delaying-proxy-handler"));
        this.forwardingThreads = Executors.newCachedThreadPool(daemonThreads("delaying-proxy-forwarder"));
        this.forwardingClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(forwardingThreads)
                .build();
        server.setExecutor(handlerThreads);
        server.createContext("/", this::handle);
    }

    /** A proxy in front of {@code targetBaseUrl}, e.g. {@code http://127.0.0.1:53121}; no delay unless set. */
    public static Builder builder(String targetBaseUrl) {
        return new Builder(targetBaseUrl);
    }

    /** Where the client points its base URL instead of the target's: {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Every request forwarded so far, in forwarding order (a copy). A request counts when the proxy sends it on,
     * even if the target then cannot be reached (answered 502): the conservative reading for a limit check.
     */
    public List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** The requests forwarded so far with this method (exact, e.g. {@code "POST"}) and a path that matches. */
    public List<Arrival> arrivals(String method, Predicate<String> path) {
        return arrivals().stream()
                .filter(arrival -> arrival.method().equals(method) && path.test(arrival.path()))
                .toList();
    }

    /**
     * Forgets the arrivals recorded so far. The delay sequence goes on where it was and connections already seen
     * stay warm: only what is counted starts again.
     */
    public void clear() {
        synchronized (arrivals) {
            arrivals.clear();
        }
    }

    /** The random delays drawn so far (without the cold-connection extra), in draw order; for tests. */
    List<Integer> delaysDrawn() {
        synchronized (random) {
            return List.copyOf(delaysDrawn);
        }
    }

    /** How many client connections have sent a request so far; for tests. */
    int connectionsSeen() {
        return connectionsSeen.size();
    }

    /** Stops at once: requests still held are dropped, their clients see the connection close. */
    @Override
    public void close() {
        server.stop(0);
        handlerThreads.shutdownNow();
        // HttpClient is AutoCloseable from Java 21; on 17 it has no close(): with its executor gone it does no more
        // work, and its selector thread ends once the client is unreachable
        if (forwardingClient instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is best effort: the executor below is shut down either way
            }
        }
        forwardingThreads.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        long receivedAtNanos = System.nanoTime();
        try {
            long holdMillis = drawDelay();
            if (connectionsSeen.add(exchange.getRemoteAddress())) {
                holdMillis += firstRequestOnConnectionDelayMillis;
            }
            // read while the delay runs: the hold is from arrival to forwarding, whatever the body's size
            byte[] body = exchange.getRequestBody().readAllBytes();
            sleepUntil(receivedAtNanos + TimeUnit.MILLISECONDS.toNanos(holdMillis));
            forward(exchange, body);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client closed its connection or the answer could not be written: nobody is left to tell
        } catch (RuntimeException e) {
            LOG.warn("DelayingProxy dropped {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private int drawDelay() {
        synchronized (random) {
            int delay = minDelayMillis + random.nextInt(maxDelayMillis - minDelayMillis + 1);
            delaysDrawn.add(delay);
            return delay;
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest request;
        HttpResponse<byte[]> answer;
        try {
            request = forwardingRequest(exchange, body);
            recordArrival(exchange);
            answer = forwardingClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            respondBadGateway(exchange, e);
            return;
        }
        relay(answer, exchange);
    }

    private HttpRequest forwardingRequest(HttpExchange exchange, byte[] body) {
        URI requested = exchange.getRequestURI();
        String query = requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + requested.getRawPath() + query))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        HopByHopHeaders hopByHop = HopByHopHeaders.of(exchange.getRequestHeaders().get("Connection"));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!hopByHop.isDropped(header.getKey())) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return request.build();
    }

    /** Taken under the list's lock, so the list is in instant order even when requests leave together. */
    private void recordArrival(HttpExchange exchange) {
        synchronized (arrivals) {
            arrivals.add(new Arrival(System.currentTimeMillis(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath()));
        }
    }

    private static void relay(HttpResponse<byte[]> answer, HttpExchange exchange) throws IOException {
        int status = answer.statusCode();
        boolean headOrNotModified = "HEAD".equals(exchange.getRequestMethod()) || status == 304;
        HopByHopHeaders hopByHop = HopByHopHeaders.of(answer.headers().allValues("Connection"));
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            String name = header.getKey();
            // HttpServer writes Content-Length itself from the body, except on HEAD and 304, where it is ours to say
            boolean keep = !hopByHop.isDropped(name) || (headOrNotModified && name.equalsIgnoreCase("Content-Length"));
            if (keep && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, header.getValue());
            }
        }
        byte[] body = answer.body();
        // -1: no body at all; a positive length: exactly these bytes (0 would mean chunked to HttpServer)
        exchange.sendResponseHeaders(status, headOrNotModified || body.length == 0 ? -1 : body.length);
        if (!headOrNotModified && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void respondBadGateway(HttpExchange exchange, Exception cause) throws IOException {
        byte[] body = ("DelayingProxy could not forward the request: " + cause).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(502, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sleeps on the monotonic clock until the deadline, so a wall-clock adjustment cannot shorten a delay. */
    private static void sleepUntil(long deadlineNanos) throws InterruptedException {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Settings of a {@link DelayingProxy}; {@link #start()} binds it. */
    public static final class Builder {
        private final String targetBaseUrl;
        private long seed = 1;
        private int minDelayMillis;
        private int maxDelayMillis;
        private int firstRequestOnConnectionDelayMillis;
        private int port;

        private Builder(String targetBaseUrl) {
            this.targetBaseUrl = Objects.requireNonNull(targetBaseUrl, "targetBaseUrl");
        }

        /** The seed of the delay sequence: one seed, one sequence of delays in arrival order. Default 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Each request is held a delay drawn uniformly in {@code [min, max]} ms, both included. Default 0. */
        public Builder delayMillis(int min, int max) {
            if (min < 0 || max < min || max == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("need 0 <= min <= max < Integer.MAX_VALUE, was [" + min + ", "
                        + max + "]");
            }
            this.minDelayMillis = min;
            this.maxDelayMillis = max;
            return this;
        }

        /** An extra, fixed hold for the first request on each new client connection, as a cold TLS handshake. */
        public Builder firstRequestOnConnectionDelayMillis(int millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("the delay must not be negative, was " + millis);
            }
            this.firstRequestOnConnectionDelayMillis = millis;
            return this;
        }

        /** The port to listen on; 0 (the default) for a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Binds 127.0.0.1 and starts serving. */
        public DelayingProxy start() {
            try {
                DelayingProxy proxy = new DelayingProxy(this);
                proxy.server.start();
                return proxy;
            } catch (IOException e) {
                throw new IllegalStateException("DelayingProxy could not bind 127.0.0.1:" + port, e);
            }
        }
    }
}
