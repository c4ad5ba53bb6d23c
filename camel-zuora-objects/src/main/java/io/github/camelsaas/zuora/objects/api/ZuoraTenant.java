package io.github.camelsaas.zuora.objects.api;

import java.time.Duration;
import java.util.Optional;
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
 * flight, the client rate limit, and the pause the server's limit headers impose. Zuora counts its limits per
 * tenant, whoever calls, so these must not be per endpoint. Made by the first endpoint that needs it, whose
 * throttling options apply; a later endpoint asking for other values is told so in the log.
 */
public final class ZuoraTenant implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZuoraTenant.class);

    private final TenantKey key;
    private final Settings settings;
    private final TokenProvider tokens;
    private final Retrier tokenRetrier;
    private final AsyncSemaphore concurrency;
    private final RateLimiter limiter;
    private final TenantPause pause;
    private final RateLimitFeedback feedback;

    /** The options that shape a tenant's throttling and tokens. */
    record Settings(int maxConcurrentRequests, int requestsPerMinute, long rateLimitWindow, long tokenRefreshMargin) {
        static Settings of(ZuoraObjectsConfiguration configuration) {
            return new Settings(configuration.getMaxConcurrentRequests(), configuration.getRequestsPerMinute(),
                    configuration.getRateLimitWindow(), configuration.getTokenRefreshMargin());
        }
    }

    private ZuoraTenant(TenantKey key, Settings settings, TokenProvider tokens, Retrier tokenRetrier,
                        AsyncSemaphore concurrency, RateLimiter limiter, TenantPause pause) {
        this.key = key;
        this.settings = settings;
        this.tokens = tokens;
        this.tokenRetrier = tokenRetrier;
        this.concurrency = concurrency;
        this.limiter = limiter;
        this.pause = pause;
        this.feedback = new ZuoraRateLimitFeedback(key.label(), pause);
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
        RateLimiter limiter = configuration.getRequestsPerMinute() == 0 ? null
                : new RateLimiter(owner + " rate limit", RateLimit.of(configuration.getRequestsPerMinute(),
                        Duration.ofMillis(configuration.getRateLimitWindow())), backend, runtime.scheduler(),
                        transport.options().inFlightBound());
        TenantPause pause = new TenantPause(owner, limiterKey(key), backend, runtime.scheduler(),
                System::currentTimeMillis);
        if (configuration.getMaxConcurrentRequests() > ZuoraLimits.TENANT_CONCURRENCY_LIMIT) {
            LOG.warn("Zuora tenant {}: maxConcurrentRequests={} is above Zuora's default limit of {} calls in flight "
                     + "per tenant; expect 429 answers unless Zuora raised the tenant's limit", key.label(),
                    configuration.getMaxConcurrentRequests(), ZuoraLimits.TENANT_CONCURRENCY_LIMIT);
        }
        LOG.debug("Zuora tenant {}: at most {} calls in flight, {}", key.label(),
                configuration.getMaxConcurrentRequests(), limiter == null ? "no client rate limit"
                        : "at most " + limiter.limit());
        return new ZuoraTenant(key, Settings.of(configuration), tokens, tokenRetrier, concurrency, limiter, pause);
    }

    /**
     * Refuses an endpoint that joins this tenant asking for other throttling or token options than the tenant
     * runs with: a tenant has one concurrency cap and one rate limit, so silently running with the first
     * endpoint's values would break the later one's expectations (the kustomer: component does the same for an org).
     */
    public void requireSameSettings(ZuoraObjectsConfiguration configuration, String endpoint) {
        Settings asked = Settings.of(configuration);
        if (!asked.equals(settings)) {
            throw new IllegalArgumentException(endpoint + " asks for " + asked + " but another endpoint of the Zuora "
                    + "tenant " + key.label() + " already runs it with " + settings + ". A tenant has one set of "
                    + "throttling and token options: set them on the component (or the same on every endpoint).");
        }
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

    /** The client rate-limit permit every call takes, when requestsPerMinute is set. */
    public Optional<Permit> permit() {
        return limiter == null ? Optional.empty() : Optional.of(new Permit(limiter, limiterKey(key)));
    }

    public RateLimitFeedback feedback() {
        return feedback;
    }

    TenantPause pause() {
        return pause;
    }

    /** Fails every call waiting for a slot, a permit, a pause or a token; calls in flight finish. */
    @Override
    public void close() {
        concurrency.close();
        if (limiter != null) {
            limiter.close();
        }
        pause.close();
        tokenRetrier.close();
        tokens.close();
    }
}
