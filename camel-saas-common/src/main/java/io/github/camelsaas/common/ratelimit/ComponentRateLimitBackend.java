package io.github.camelsaas.common.ratelimit;

/**
 * The backend a component's rate limiters run on, chosen from its two options: a {@code RateLimitBackend} bean
 * (shared, owned by whoever made it), a Redis URI (a backend the component makes, and closes when it stops), or
 * neither (the default: in this JVM, owned by the component).
 */
public final class ComponentRateLimitBackend implements AutoCloseable {

    private final RateLimitBackend backend;
    private final boolean owned;
    private final String description;

    private ComponentRateLimitBackend(RateLimitBackend backend, boolean owned, String description) {
        this.backend = backend;
        this.owned = owned;
        this.description = description;
    }

    /**
     * @param component      the scheme, named in errors
     * @param configured     the {@code rateLimitBackend} option, or null
     * @param redisUri       the {@code rateLimitRedisUri} option, or null or blank
     * @throws IllegalArgumentException when both are set: the component could not tell which one the user meant
     */
    public static ComponentRateLimitBackend choose(String component, RateLimitBackend configured, String redisUri) {
        boolean hasUri = redisUri != null && !redisUri.isBlank();
        if (configured != null && hasUri) {
            throw new IllegalArgumentException("The " + component + " component has both rateLimitBackend and "
                    + "rateLimitRedisUri set: set one of them (rateLimitRedisUri makes a Redis backend of its own)");
        }
        if (configured != null) {
            return new ComponentRateLimitBackend(configured, false, configured.getClass().getSimpleName());
        }
        if (hasUri) {
            RateLimitBackend redis = RateLimitBackends.redis(redisUri.strip(), "rateLimitRedisUri");
            return new ComponentRateLimitBackend(redis, true, redis.toString());
        }
        return new ComponentRateLimitBackend(new InMemoryRateLimitBackend(), true, "in this JVM only");
    }

    public RateLimitBackend backend() {
        return backend;
    }

    /** Where the limits are kept, for logs; never a password. */
    @Override
    public String toString() {
        return description;
    }

    /** Closes the backend if the component made it; a bean the user supplied is left to its owner. */
    @Override
    public void close() {
        if (owned) {
            backend.close();
        }
    }
}
