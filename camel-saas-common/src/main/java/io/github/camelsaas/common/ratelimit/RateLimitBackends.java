package io.github.camelsaas.common.ratelimit;

import io.github.camelsaas.common.ratelimit.redis.RedisRateLimitBackend;

/**
 * Makes the backends a user can choose by option. Free of any Redis client type, so that this class loads whether
 * or not the optional Redis client (Lettuce) is on the classpath, and can say what is missing.
 */
public final class RateLimitBackends {

    /** A class of the Redis client the Redis backend is built on. */
    static final String REDIS_CLIENT_CLASS = "io.lettuce.core.RedisClient";

    private RateLimitBackends() {
    }

    /**
     * A backend keeping the grant history in the Redis server at {@code uri}, shared by every JVM that uses the same
     * server: {@code redis://[:password@]host[:port][/database]}, {@code rediss://} for TLS, or
     * {@code redis-sentinel://}. Connects now; the caller owns the backend and closes it.
     *
     * @param option the option the URI came from, named in errors (e.g. "rateLimitRedisUri")
     * @throws IllegalStateException    when the Redis client is not on the classpath or the server cannot be reached
     * @throws IllegalArgumentException when {@code uri} is no Redis URI
     */
    public static RateLimitBackend redis(String uri, String option) {
        requireRedisClient(option, RateLimitBackends.class.getClassLoader());
        return RedisRateLimitBackend.open(uri, option);
    }

    /** Fails with a message saying which dependency to add when the Redis client cannot be loaded. */
    static void requireRedisClient(String option, ClassLoader loader) {
        try {
            Class.forName(REDIS_CLIENT_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(option + " needs the Redis client: add io.lettuce:lettuce-core (7.x) to "
                    + "the application's dependencies to use the Redis rate-limit backend (it is an optional "
                    + "dependency of camel-saas-common, so applications without Redis do not carry Netty)", e);
        }
    }
}
