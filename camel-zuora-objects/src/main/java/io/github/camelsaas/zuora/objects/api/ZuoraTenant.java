package io.github.camelsaas.zuora.objects.api;

import java.time.Duration;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelsaas.common.async.AsyncSemaphore;
import io.github.camelsaas.common.call.Permit;
import io.github.camelsaas.common.call.RateLimitFeedback;
import io.github.camelsaas.common.component.SaasRuntime;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.ratelimit.RateLimit;
import io.github.camelsaas.common.ratelimit.RateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimiter;
import io.github.camelsaas.common.retry.Retrier;
import io.github.camelsaas.common.retry.RetryPolicy;
import io.github.camelsaas.zuora.objects.ZuoraLimits;
import io.github.camelsaas.zuora.objects.ZuoraObjectsConfiguration;
import io.github.camelsaas.zuora.objects.auth.FixedTokenProvider;
import io.github.camelsaas.zuora.objects.auth.OAuthTokenProvider;
import io.github.camelsaas.zuora.objects.auth.TokenProvider;

/**
 * What every endpoint acting for one tenant (base URL and credentials) shares: the token, the cap on calls in
 * flight, and the client rate limit, which also holds the pauses the server's limit headers impose. Zuora counts
 * its limits per tenant, whoever calls, so these must not be per endpoint. Made by the first endpoint that needs
 * it; a later endpoint asking for other throttling or token options fails to start.
 */
public final class ZuoraTenant implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZuoraTenant.class);

    /** No client limit: the backends store only the slots in use, so a limit this high costs nothing. */
    static final int UNSTATED_LIMIT = Integer.MAX_VALUE;

    private final TenantKey key;
    private final TokenProvider tokens;
    private final Retrier tokenRetrier;
    private final AsyncSemaphore concurrency;
    private final RateLimiter limiter;
    private final RateLimitFeedback feedback;

    /** The options that shape a tenant's throttling and tokens. */
    public record Settings(int maxConcurrentRequests, int requestsPerMinute, long rateLimitWindow, long tokenRefreshMargin) {
        public static Settings of(ZuoraObjectsConfiguration configuration) {
            return new Settings(configuration.getMaxConcurrentRequests(), configuration.getRequestsPerMinute(),
                    configuration.getRateLimitWindow(), configuration.getTokenRefreshMargin());
        }
    }

    private ZuoraTenant(TenantKey key, Settings settings, TokenProvider tokens, Retrier tokenRetrier,
                        AsyncSemaphore concurrency, RateLimiter limiter) {
        this.key = key;
        this.tokens = tokens;
        this.tokenRetrier = tokenRetrier;
        this.concurrency = concurrency;
        this.limiter = limiter;
        this.feedback = new ZuoraRateLimitFeedback(key.label(), limiter, settings.requestsPerMinute() == 0);
    }

    /** The key an endpoint with this configuration acts under. */
    public static TenantKey keyOf(ZuoraObjectsConfiguration configuration) {
        String baseUrl = configuration.effectiveBaseUrl();
        return configuration.usesFixedToken()
                ? TenantKey.ofToken(baseUrl, configuration.getAccessToken())
                : TenantKey.ofClient(baseUrl, configuration.getClientId(), configuration.getClientSecret());
    }

    /**
     * The tenant's key in the rate-limit backend, e.g. {@code zuora-objects:rest.zuora.com#3f9a02c1}: the component,
     * the host and a digest of the credentials. Replicas of an application use the same ones, so they share the
     * key (and, with Redis, one count and one pause).
     */
    static String limiterKey(TenantKey key) {
        return "zuora-objects:" + key.label();
    }

    /**
     * @param transport the transport token calls use (the first endpoint's)
     * @param backend   where the tenant's rate limit and pause are kept (the component's; not closed here)
     */
    public static ZuoraTenant create(ZuoraObjectsConfiguration configuration, SaasRuntime runtime,
                                     HttpTransport transport, RateLimitBackend backend) {
        TenantKey key = keyOf(configuration);
        String owner = "zuora-objects tenant " + key.label();
        Executor workers = runtime.workers();
        Retrier tokenRetrier = new Retrier(owner + " token", RetryPolicy.withMaxRetries(configuration.getMaxRetries()),
                runtime.scheduler());
        TokenProvider tokens;
        if (configuration.usesFixedToken()) {
            runtime.secrets().register(configuration.getAccessToken());
            tokens = new FixedTokenProvider(configuration.getAccessToken());
        } else {
            tokens = new OAuthTokenProvider(transport, key.baseUrl(), configuration.getClientId(),
                    configuration.getClientSecret(), configuration.getTokenRefreshMargin(), runtime.secrets(),
                    tokenRetrier, workers, runtime.json(), System::currentTimeMillis);
        }
        AsyncSemaphore concurrency = new AsyncSemaphore(owner, configuration.getMaxConcurrentRequests(), workers);
        // always a limiter, even with no limit known yet: it keeps the pauses the server asks for (429,
        // RateLimit-Remaining: 0), shared through the backend, and the limit the server states is adopted into it
        RateLimiter limiter = new RateLimiter(owner + " rate limit", startingLimit(configuration), backend,
                runtime.scheduler(), transport.options().inFlightBound());
        if (configuration.getMaxConcurrentRequests() > ZuoraLimits.TENANT_CONCURRENCY_LIMIT) {
            LOG.warn("Zuora tenant {}: maxConcurrentRequests={} is above Zuora's default limit of {} calls in flight "
                     + "per tenant; expect 429 answers unless Zuora raised the tenant's limit", key.label(),
                    configuration.getMaxConcurrentRequests(), ZuoraLimits.TENANT_CONCURRENCY_LIMIT);
        }
        LOG.debug("Zuora tenant {}: at most {} calls in flight, {}", key.label(),
                configuration.getMaxConcurrentRequests(), configuration.getRequestsPerMinute() == 0
                        ? "the rate limit Zuora states (none until it states one)" : "at most " + limiter.limit());
        return new ZuoraTenant(key, Settings.of(configuration), tokens, tokenRetrier, concurrency, limiter);
    }

    /**
     * The limit calls start with: requestsPerMinute, or with 0 none until Zuora states its own. Zuora's smallest
     * published tenant limit (2,500 a minute, an API sandbox) is still far above what the cap on calls in flight
     * lets through before the first answer, which states the tenant's real one.
     */
    static RateLimit startingLimit(ZuoraObjectsConfiguration configuration) {
        Duration window = Duration.ofMillis(configuration.getRateLimitWindow());
        return configuration.getRequestsPerMinute() == 0 ? RateLimit.of(UNSTATED_LIMIT, window)
                : RateLimit.of(configuration.getRequestsPerMinute(), window);
    }

    public TenantKey key() {
        return key;
    }

    public TokenProvider tokens() {
        return tokens;
    }

    public AsyncSemaphore concurrency() {
        return concurrency;
    }

    /** The rate-limit permit every call takes (it also waits out a pause the server asked for). */
    public Permit permit() {
        return new Permit(limiter, limiterKey(key));
    }


    public RateLimitFeedback feedback() {
        return feedback;
    }

    /** Fails every call waiting for a slot, a permit, a pause or a token; calls in flight finish. */
    @Override
    public void close() {
        concurrency.close();
        limiter.close();
        tokenRetrier.close();
        tokens.close();
    }
}
