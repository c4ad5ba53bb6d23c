package io.github.camelsaas.benchmarks.stub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fast stand-in for Zuora's token endpoint and records create call, so that the client is what a benchmark
 * measures. It answers in Zuora's shapes (see the simulator's {@code CreateRecordsEndpoint}): {@code POST
 * /oauth/token} issues a bearer token; {@code POST /objects/records/default/{object}} takes
 * {@code {"records":[...]}} (gzipped or not), gives each record an {@code Id} and the system fields and answers
 * {@code {"records":[...]}} in input order, null fields dropped. It validates nothing else and stores nothing:
 * the simulator is the faithful fake, this one is built for speed (the JDK's HTTP server on its own thread pool,
 * Jackson's streaming parser and generator, no tree of the body).
 *
 * <p>{@code GET /__stats} reports what arrived (calls, records, the most records in one call, token calls,
 * refused calls) and {@code POST /__reset} zeroes it. Run it in its own JVM with {@link #main} so that its work
 * stays out of the measured process; it stops when its standard input closes (its parent exited).
 */
public final class ZuoraStub implements AutoCloseable {

    public static final String CLIENT_ID = "bench-client";
    public static final String CLIENT_SECRET = "bench-secret";
    /** The line {@link #main} prints once it listens, followed by the port. */
    public static final String READY_PREFIX = "ZUORA_STUB_PORT=";
    static final String RECORDS_PATH = "/objects/records/default/";
    private static final String USER_ID = "0123456789abcdef0123456789abcdef";
    private static final String TIMESTAMP = "2026-01-15T10:00:00.000Z";
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final JsonFactory json = new JsonFactory();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final LongAdder calls = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final LongAdder tokenCalls = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final AtomicInteger maxRecordsPerCall = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final String idPrefix = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final HttpServer server;
    private final ExecutorService pool;
    private final long latencyMillis;
    private final ScheduledExecutorService delayer;

    private ZuoraStub(HttpServer server, ExecutorService pool, long latencyMillis) {
        this.server = server;
        this.pool = pool;
        this.latencyMillis = latencyMillis;
        this.delayer = latencyMillis > 0 ? Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "zuora-stub-latency");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /** Listens on loopback, on {@code port} (0 for a free one), answering on {@code threads} threads. */
    public static ZuoraStub start(int port, int threads) throws IOException {
        return start(port, threads, 0);
    }

    /**
     * As {@link #start(int, int)}, each create answered {@code latencyMillis} later (a network and server time, as
     * a WAN to Zuora would add; no thread waits meanwhile).
     */
    public static ZuoraStub start(int port, int threads, long latencyMillis) throws IOException {
        // the JDK server leaves Nagle's algorithm on unless told: each answer (headers, then body) would then wait
        // for the client's delayed ACK, about 40 ms a call. Read once, when the server classes load.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "zuora-stub-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ZuoraStub stub = new ZuoraStub(server, pool, latencyMillis);
        server.createContext("/", stub::handle);
        server.setExecutor(pool);
        server.start();
        return stub;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public StubStats stats() {
        return new StubStats(calls.sum(), records.sum(), maxRecordsPerCall.get(), tokenCalls.sum(), refused.sum());
    }

    public void reset() {
        calls.reset();
        records.reset();
        tokenCalls.reset();
        refused.reset();
        maxRecordsPerCall.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        if (delayer != null) {
            delayer.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean answerLater = false;
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("POST".equals(method) && path.startsWith(RECORDS_PATH)) {
                answerLater = create(exchange, path.substring(RECORDS_PATH.length()));
            } else if ("POST".equals(method) && "/oauth/token".equals(path)) {
                token(exchange);
            } else if ("GET".equals(method) && "/__stats".equals(path)) {
                StubStats s = stats();
                send(exchange, 200, ("{\"calls\":" + s.calls() + ",\"records\":" + s.records()
                        + ",\"maxRecordsPerCall\":" + s.maxRecordsPerCall() + ",\"tokenCalls\":" + s.tokenCalls()
                        + ",\"refused\":" + s.refused() + "}").getBytes(StandardCharsets.UTF_8));
            } else if ("POST".equals(method) && "/__reset".equals(path)) {
                exchange.getRequestBody().readAllBytes();
                reset();
                send(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8));
            } else {
                exchange.getRequestBody().readAllBytes();
                send(exchange, 404, error(71012540, "No such resource: " + path));
            }
        } catch (RuntimeException e) {
            refused.increment();
            send(exchange, 500, error(71012560, "Stub error: " + e.getMessage()));
        } finally {
            if (!answerLater) {
                exchange.close();
            }
        }
    }

    /** @return whether the answer was scheduled for later (the exchange is then closed by that answer) */
    private boolean create(HttpExchange exchange, String object) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !tokens.contains(authorization.substring(7))) {
            exchange.getRequestBody().readAllBytes();
            refused.increment();
            send(exchange, 401, error(90000011, "Authentication error"));
            return false;
        }
        byte[] answer;
        int created;
        try (InputStream body = requestBody(exchange)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            created = echoCreated(body, out, object);
            answer = out.toByteArray();
        } catch (InvalidBody e) {
            refused.increment();
            send(exchange, 400, error(71012522, e.getMessage()));
            return false;
        }
        calls.increment();
        records.add(created);
        maxRecordsPerCall.accumulateAndGet(created, Math::max);
        if (delayer == null) {
            send(exchange, 200, answer);
            return false;
        }
        byte[] body = answer;
        delayer.schedule(() -> {
            try (exchange) {
                send(exchange, 200, body);
            } catch (IOException e) {
                // the client went away meanwhile: nothing to answer
            }
        }, latencyMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    /** Streams the submitted records into Zuora's answer, each with an Id and the system fields. */
    private int echoCreated(InputStream body, OutputStream out, String object) throws IOException {
        int created = 0;
        try (JsonParser parser = json.createParser(body);
             JsonGenerator gen = json.createGenerator(out, JsonEncoding.UTF8)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidBody("The body must be a JSON object.");
            }
            gen.writeStartObject();
            gen.writeArrayFieldStart("records");
            boolean sawRecords = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"records".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new InvalidBody("Field [records] must be an array.");
                }
                sawRecords = true;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    if (++created > 1000) {
                        throw new InvalidBody("A call creates at most 1000 records.");
                    }
                    gen.writeStartObject();
                    gen.writeStringField("Id", idPrefix + String.format("%016x", ids.incrementAndGet()));
                    gen.writeStringField("type", object);
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        if (parser.nextToken() == JsonToken.VALUE_NULL) {
                            continue; // Zuora does not store nulls
                        }
                        gen.writeFieldName(name);
                        gen.copyCurrentStructure(parser);
                    }
                    gen.writeStringField("CreatedById", USER_ID);
                    gen.writeStringField("UpdatedById", USER_ID);
                    gen.writeStringField("CreatedDate", TIMESTAMP);
                    gen.writeStringField("UpdatedDate", TIMESTAMP);
                    gen.writeEndObject();
                }
            }
            if (!sawRecords) {
                throw new InvalidBody("Field [records] is required and must be an array.");
            }
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidBody("The body is not valid JSON: " + e.getOriginalMessage());
        }
        return created;
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenCalls.increment();
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            send(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client id or secret\"}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.add(token);
        send(exchange, 200, ("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":3599,"
                + "\"scope\":\"user." + USER_ID + " tenant.bench\",\"jti\":\"" + token + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream requestBody(HttpExchange exchange) throws IOException {
        InputStream body = exchange.getRequestBody();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        return encoding != null && encoding.toLowerCase().contains("gzip") ? new GZIPInputStream(body, 8192) : body;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new ConcurrentHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static byte[] error(int code, String message) {
        return ("{\"code\":" + code + ",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "'")
                + "\",\"details\":[]}").getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Zuora-Request-Id", "stub");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A body the stub cannot take: answered 400. */
    private static final class InvalidBody extends RuntimeException {
        InvalidBody(String message) {
            super(message);
        }
    }

    /**
     * Runs the stub in this JVM until standard input closes: {@code ZuoraStub [threads [latencyMillis]]}. Prints
     * {@value #READY_PREFIX}{@code <port>} once it listens.
     */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        long latency = args.length > 1 ? Long.parseLong(args[1]) : 0;
        ZuoraStub stub = start(0, threads, latency);
        System.out.println(READY_PREFIX + stub.port());
        System.out.flush();
        // the parent holds our stdin: when it exits, for whatever reason, read returns -1 and we stop too
        while (System.in.read() != -1) {
            // nothing to read; wait for the end
        }
        stub.close();
        TimeUnit.MILLISECONDS.sleep(10);
        System.exit(0);
    }
}
