package io.github.camelsaas.common.ratelimit.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.camelsaas.common.ratelimit.InMemoryRateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimit;
import io.github.camelsaas.common.ratelimit.RateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimitUnavailableException;
import io.github.camelsaas.common.ratelimit.Reservation;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slots of every key in one Redis server (see {@link RateLimitBackend} for the model), so that several JVMs
 * (replicas of one application, or different applications) keep one limit together: at most N requests arriving in
 * any span of W per key, multi-permit reserves at one instant included, exactly as {@link InMemoryRateLimitBackend}
 * computes it. Each reserve and each release is one Lua script run atomically by the server (EVALSHA, EVAL when the
 * server answers NOSCRIPT), so two JVMs never hold one slot together.
 *
 * <p><b>Clock.</b> The scripts read the Redis server's clock ({@code TIME}), never the callers': grants and
 * completions of all JVMs are then on one clock, and a replica whose clock is off by a second neither steals slots
 * from the others nor lets them crowd a window. Only durations cross between clocks: a reserve answers "the grant
 * is in d ms", counted in the caller's clock from the moment the answer arrived (so a grant is a round trip late at
 * worst, never early); a release is stamped with the server's clock when it arrives, after the request completed;
 * a pause is sent as "for d ms from now".
 *
 * <p><b>Data.</b> Per key, {@code <prefix><key>:free} (a sorted set of the free slots, by the instant each frees),
 * {@code <prefix><key>:held} (the held slots, by the bound of their lease), {@code <prefix><key>:leases} (who holds
 * each held slot, and what it freed at before) and {@code <prefix><key>:pause}. A slot whose holder died
 * mid-request frees at its bound: the lease's in-flight bound after the grant, plus the window. Everything expires
 * when idle: once every slot is free, plus a second; the pause once it ended, plus a second. The default prefix is
 * {@value #DEFAULT_KEY_PREFIX}.
 *
 * <p><b>Outage: fail closed.</b> While Redis cannot be reached (down, a network split, a command timing out after
 * {@code commandTimeout}, 2 s by default), reserves and pauses fail at once with a
 * {@link RateLimitUnavailableException} naming the server and the key, and the caller sends nothing: a JVM that
 * granted on its own could send the whole limit on top of the other replicas' and draw 429s for all of them. The
 * connection reconnects by itself (after at most about a second's backoff) and grants resume.
 *
 * <p>Futures complete on the client's computation threads, never on its I/O thread, so what a caller chains on a
 * grant cannot hold up Redis traffic. Works with a standalone server, TLS ({@code rediss://}) and Sentinel
 * ({@code redis-sentinel://}); not with Redis Cluster.
 */
public final class RedisRateLimitBackend implements RateLimitBackend {

    public static final String DEFAULT_KEY_PREFIX = "camelsaas:";
    static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** How long an idle key outlives the moment its state stops mattering. */
    static final long IDLE_SLACK_MILLIS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimitBackend.class);
    private static final RedisScript RESERVE = RedisScript.load("reserve");
    private static final RedisScript RELEASE = RedisScript.load("release");
    private static final RedisScript PAUSE = RedisScript.load("pause");
    private static final RedisScript PAUSED_FOR = RedisScript.load("paused-for");

    private final String server;
    private final String keyPrefix;
    private final LongSupplier clockMillis;
    private final boolean serverClock;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> commands;
    private final Executor completions;

    private RedisRateLimitBackend(Builder builder, RedisURI uri, ClientResources resources, RedisClient client,
                                  StatefulRedisConnection<String, String> connection) {
        this.server = describe(uri);
        this.keyPrefix = builder.keyPrefix;
        this.serverClock = builder.callerClock == null;
        this.clockMillis = serverClock ? System::currentTimeMillis : builder.callerClock;
        this.resources = resources;
        this.client = client;
        this.connection = connection;
        this.commands = connection.async();
        this.completions = resources.eventExecutorGroup();
    }

    /** A backend on the server at {@code uri} with the defaults; see {@link #builder}. */
    public static RedisRateLimitBackend connect(String uri) {
        return builder(uri).connect();
    }

    /** The same as a {@link RateLimitBackend}, for callers that must not link against this class's types early. */
    public static RateLimitBackend open(String uri, String option) {
        return builder(uri).option(option).connect();
    }

    /**
     * @param uri {@code redis://[:password@]host[:port][/database][?timeout=5s]}, {@code rediss://} for TLS, or
     *            {@code redis-sentinel://}; a {@code timeout} in the URI replaces the 2 s command timeout
     */
    public static Builder builder(String uri) {
        return new Builder(uri);
    }

    @Override
    public CompletableFuture<Reservation> reserve(String key, RateLimit limit, int permits, long leaseMillis,
                                                  long nowMillis) {
        if (permits < 1 || permits > limit.permits()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("cannot reserve " + permits
                    + " permits at once under a limit of " + limit));
        }
        String[] keys = slotKeys(key);
        return RESERVE.runForList(commands, keys, Integer.toString(limit.permits()),
                        Long.toString(limit.window().toMillis()), Integer.toString(permits), Long.toString(leaseMillis),
                        scriptNow(nowMillis), Long.toString(IDLE_SLACK_MILLIS), leaseId())
                .handleAsync((answer, failure) -> {
                    if (failure != null) {
                        throw unavailable("a grant", keys[0], failure);
                    }
                    // the wait is counted from the answer, not from the ask: a grant may then come a round trip
                    // later than the script computed, never earlier
                    long waitMillis = (Long) answer.get(1);
                    long at = serverClock ? clockMillis.getAsLong() + waitMillis : nowMillis + waitMillis;
                    return ((Long) answer.get(0)) == 1
                            ? Reservation.granted(at, (String) answer.get(2))
                            : Reservation.full(at);
                }, completions);
    }

    @Override
    public CompletableFuture<Void> release(String key, RateLimit limit, String lease, boolean sent, long nowMillis) {
        String[] keys = slotKeys(key);
        return RELEASE.run(commands, keys, lease, sent ? "1" : "0", Integer.toString(limit.permits()),
                        Long.toString(limit.window().toMillis()), scriptNow(nowMillis), Long.toString(IDLE_SLACK_MILLIS))
                .handleAsync((ignored, failure) -> {
                    if (failure != null) {
                        throw unavailable("the release of a slot", keys[0], failure);
                    }
                    return null;
                }, completions);
    }

    /** A lease id no other reservation of any JVM will use: 64 random bits. */
    private static String leaseId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /** The free slots, the held ones, the leases, the pause: see reserve.lua. */
    private String[] slotKeys(String key) {
        String base = keyPrefix + key;
        return new String[] { base + ":free", base + ":held", base + ":leases", pauseKey(key) };
    }

    @Override
    public CompletableFuture<Void> pause(String key, long untilMillis) {
        long now = clockMillis.getAsLong();
        if (untilMillis <= now) {
            return CompletableFuture.completedFuture(null);
        }
        String pause = pauseKey(key);
        return PAUSE.run(commands, new String[] { pause }, Long.toString(untilMillis - now), scriptNow(now),
                        Long.toString(IDLE_SLACK_MILLIS))
                .handleAsync((ignored, failure) -> {
                    if (failure != null) {
                        throw unavailable("a pause", pause, failure);
                    }
                    return null;
                }, completions);
    }

    @Override
    public CompletableFuture<Long> pausedUntil(String key, long nowMillis) {
        String pause = pauseKey(key);
        return PAUSED_FOR.run(commands, new String[] { pause }, scriptNow(nowMillis))
                .handleAsync((remainingMillis, failure) -> {
                    if (failure != null) {
                        throw unavailable("the pause", pause, failure);
                    }
                    if (remainingMillis <= 0) {
                        return nowMillis; // not paused
                    }
                    // counted from the answer, like a grant's wait: a pause may end a round trip late, never early
                    return (serverClock ? clockMillis.getAsLong() : nowMillis) + remainingMillis;
                }, completions);
    }

    private String pauseKey(String key) {
        return keyPrefix + key + ":pause";
    }

    /** The "now" a script runs with: empty for the server's clock (production), the caller's in tests. */
    private String scriptNow(long callerNowMillis) {
        return serverClock ? "" : Long.toString(callerNowMillis);
    }

    private CompletionException unavailable(String what, String redisKey, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return new CompletionException(new RateLimitUnavailableException("The Redis rate-limit store at " + server
                + " could not give " + what + " for key " + redisKey + " (" + cause.getClass().getSimpleName() + ": "
                + cause.getMessage() + "); the request was not sent: without the count shared by every replica a "
                + "grant could break the limit", cause));
    }

    /** Where this backend keeps the limits, for logs and errors; never the password. */
    static String describe(RedisURI uri) {
        if (!uri.getSentinels().isEmpty()) {
            return "redis-sentinel master " + uri.getSentinelMasterId() + "/" + uri.getDatabase();
        }
        if (uri.getSocket() != null) {
            return "redis-socket " + uri.getSocket();
        }
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    /** The key prefix this backend writes under. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** Closes the connection and the client's threads. */
    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            client.shutdown(0, 2, TimeUnit.SECONDS);
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "Redis " + server + " (keys " + keyPrefix + "*)";
    }

    /** How to reach Redis and name keys there. */
    public static final class Builder {
        private final String uri;
        private String option = "the Redis URI";
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private Duration commandTimeout;
        private LongSupplier callerClock;

        private Builder(String uri) {
            this.uri = uri;
        }

        /** The option the URI came from, named in errors (e.g. "rateLimitRedisUri"). */
        public Builder option(String option) {
            this.option = option;
            return this;
        }

        /** Put before every key: separates applications (or orgs on one host) that share a Redis database. */
        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
            return this;
        }

        /** How long a command may take before the grant fails (fail closed); 2 s unless the URI names one. */
        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
            return this;
        }

        /**
         * Runs the scripts on this clock instead of the server's: the tests drive the very same scripts with a
         * clock set by hand (grants just before and after a window boundary), which the server's clock cannot do.
         */
        Builder callerClock(LongSupplier callerClock) {
            this.callerClock = callerClock;
            return this;
        }

        /**
         * Connects now, so a wrong address or password fails when the component starts.
         *
         * @throws IllegalArgumentException when the URI is no Redis URI
         * @throws IllegalStateException    when the server cannot be reached
         */
        public RedisRateLimitBackend connect() {
            RedisURI redisUri = parse();
            Duration timeout = commandTimeout != null ? commandTimeout
                    : uri.contains("timeout=") ? redisUri.getTimeout() : DEFAULT_COMMAND_TIMEOUT;
            ClientResources resources = DefaultClientResources.builder()
                    .ioThreadPoolSize(2)
                    .computationThreadPoolSize(2)
                    // back within about a second of Redis returning: every grant waits for it meanwhile
                    .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2,
                            TimeUnit.MILLISECONDS))
                    .build();
            RedisClient client = RedisClient.create(resources);
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    // fail closed at once while disconnected, rather than queueing grants nobody may use
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(timeout))
                    .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                    .build());
            try {
                StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8, redisUri);
                RedisRateLimitBackend backend = new RedisRateLimitBackend(this, redisUri, resources, client,
                        connection);
                LOG.info("Rate limits shared through {}", backend);
                return backend;
            } catch (RuntimeException e) {
                client.shutdown(0, 2, TimeUnit.SECONDS);
                resources.shutdown(0, 2, TimeUnit.SECONDS);
                throw new IllegalStateException("Cannot reach the Redis server of " + option + " at "
                        + describe(redisUri) + " for the shared rate limits: " + e.getMessage(), e);
            }
        }

        private RedisURI parse() {
            if (uri == null || uri.isBlank()) {
                throw new IllegalArgumentException(option + " is empty; expected redis://[:password@]host[:port]"
                        + "[/database]");
            }
            try {
                return RedisURI.create(uri.strip());
            } catch (RuntimeException e) {
                // the message may quote the URI, password included: it is not passed on
                throw new IllegalArgumentException(option + " is not a valid Redis URI; expected "
                        + "redis://[:password@]host[:port][/database], rediss:// for TLS or redis-sentinel://");
            }
        }
    }
}
