package io.github.camelsaas.kustomer.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelsaas.common.async.AsyncSemaphore;
import io.github.camelsaas.common.call.Permit;
import io.github.camelsaas.common.call.RateLimitFeedback;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.ratelimit.RateLimit;
import io.github.camelsaas.common.ratelimit.RateLimitBackend;
import io.github.camelsaas.common.ratelimit.RateLimiter;
import io.github.camelsaas.common.retry.RetryAfter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.camelsaas.kustomer.KustomerConfiguration;

/**
 * Kustomer's two limits for one org, and the cap on its calls in flight, shared by every endpoint of the component
 * that talks to it: requests per window for the whole org (every call counts, bulk ones once) and creates per customer
 * per window. Applies what answers
 * say: a 429 pauses the org, or the customers a customer-scoped call was counted against, until x-ratelimit-reset or
 * Retry-After; a quota at zero pauses the org until its reset unless this JVM's own grants explain it (see
 * {@link #quotaAtZeroIsOurOwn}); in adaptive mode the stated x-ratelimit-limit becomes the org limit.
 */
public final class OrgThrottle implements RateLimitFeedback, AutoCloseable {

    /** Kustomer's smallest plan: where the adaptive org limit starts. */
    static final int ADAPTIVE_START = 300;

    private static final Logger LOG = LoggerFactory.getLogger(OrgThrottle.class);

    private final String org;
    private final String keyspace;
    private final Settings settings;
    private final RateLimiter requests;
    private final RateLimiter customerAdmission;
    private final RateLimiter customerCreates;
    private final OwnOrgCalls ownOrgCalls;
    private final AsyncSemaphore concurrency;

    /** The limits an org is throttled with, as the first endpoint for it configured them. */
    public record Settings(int requestsPerWindow, int customerCreatesPerWindow, Duration window,
                           int maxConcurrentRequests) {

        public static Settings of(KustomerConfiguration configuration) {
            return new Settings(configuration.getRequestsPerMinute(), configuration.getCustomerCreatesPerMinute(),
                    Duration.ofMillis(configuration.getRateLimitWindow()), configuration.getMaxConcurrentRequests());
        }

        boolean adaptive() {
            return requestsPerWindow == 0;
        }

        @Override
        public String toString() {
            return "requestsPerMinute=" + (adaptive() ? "adaptive" : requestsPerWindow) + ", customerCreatesPerMinute="
                    + customerCreatesPerWindow + ", rateLimitWindow=" + window.toMillis() + " ms"
                    + ", maxConcurrentRequests=" + maxConcurrentRequests;
        }
    }

    /**
     * @param inFlightBound the longest one of the org's requests can be in flight (the transport's timeouts): a slot
     *                      whose request never reported its end frees that long after its grant, plus the window
     */
    public OrgThrottle(String org, Settings settings, RateLimitBackend backend, ScheduledExecutorService scheduler,
                Executor workers, Duration inFlightBound) {
        this.org = org;
        this.keyspace = keyspaceOf(org);
        this.settings = settings;
        int orgLimit = settings.adaptive() ? ADAPTIVE_START : settings.requestsPerWindow();
        this.requests = new RateLimiter("kustomer org limit " + org, RateLimit.of(orgLimit, settings.window()),
                backend, scheduler, inFlightBound);
        this.ownOrgCalls = new OwnOrgCalls(orgLimit);
        requests.setGrantListener((key, permits, atMillis) -> ownOrgCalls.granted(permits));
        RateLimit perCustomer = RateLimit.of(settings.customerCreatesPerWindow(), settings.window());
        this.customerAdmission = new RateLimiter("kustomer customer create admission " + org, perCustomer, backend,
                scheduler, inFlightBound);
        this.customerCreates = new RateLimiter("kustomer customer create limit " + org, perCustomer, backend,
                scheduler, inFlightBound);
        this.concurrency = new AsyncSemaphore("kustomer org " + org, settings.maxConcurrentRequests(), workers);
    }

    /** The cap on the org's calls in flight, shared by every endpoint of the component that talks to it. */
    public AsyncSemaphore concurrency() {
        return concurrency;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * What every limiter key of this org starts with: the component and the org's host (and port and path, for a
     * proxy or the simulator), e.g. {@code kustomer:api.kustomerapp.com}. The backend may be shared by other orgs,
     * the zuora-objects component and other JVMs (Redis), where only equal keys may share a count; replicas of an
     * application reach the same host, so they share it.
     */
    static String keyspaceOf(String baseUrl) {
        String withoutScheme = baseUrl.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        return "kustomer:" + (withoutScheme.endsWith("/")
                ? withoutScheme.substring(0, withoutScheme.length() - 1) : withoutScheme);
    }

    /** The permit every call of this org takes. */
    Permit orgPermit() {
        return new Permit(requests, keyspace + ":org");
    }

    /**
     * Admission of {@code count} creates of one customer to the queue for a concurrency slot (before the slot): a
     * customer with a long backlog queues here, not in front of other customers' calls.
     */
    Permit customerAdmission(String customerKey, int count) {
        // its own key: both limiters share one backend, where equal keys would share one count
        return new Permit(customerAdmission, admissionKey(customerKey), count);
    }

    /**
     * The grant of {@code count} creates of one customer, taken while the call holds its slot, right before it is sent:
     * the limit is kept on the instants the server counts, not on when calls were admitted (which can precede the
     * send by as long as the slot queue takes).
     */
    Permit customerCreates(String customerKey, int count) {
        return new Permit(customerCreates, customerKey(customerKey), count);
    }

    private String customerKey(String customer) {
        return keyspace + ":customer:" + customer;
    }

    private String admissionKey(String customer) {
        return keyspace + ":admission:" + customer;
    }

    /** The admission key of the customer a customer-create key names. */
    private String admissionKeyOf(String customerCreateKey) {
        return admissionKey(customerCreateKey.substring((keyspace + ":customer:").length()));
    }

    /** The most creates one call may count against one customer (more could never be granted). */
    public int customerCreatesPerWindow() {
        return settings.customerCreatesPerWindow();
    }

    /** The org limit in force (adaptive mode changes it). */
    public RateLimit orgLimit() {
        return requests.limit();
    }

    @Override
    public void onResponse(SaasHttpResponse response, List<Permit> permits) {
        Instant now = Instant.now();
        if (permits.stream().anyMatch(permit -> permit.limiter() == requests)) {
            ownOrgCalls.answered(now.toEpochMilli(), response.status() != 429);
        }
        if (response.status() == 429) {
            Optional<Instant> until = KustomerHeaders.RETRY_RULES.serverRetryTime(response, now);
            // without a time the retrier's backoff spaces the retry; a pause needs an instant
            until.ifPresent(instant -> pauseAfterTooManyRequests(response, permits, instant));
            return;
        }
        Integer stated = KustomerResponse.intHeader(response, KustomerHeaders.RATE_LIMIT_LIMIT);
        if (settings.adaptive()) {
            // first, so that the quota check below compares the server's limit with the one now enforced
            adopt(stated);
        }
        Integer remaining = KustomerResponse.intHeader(response, KustomerHeaders.RATE_LIMIT_REMAINING);
        if (remaining != null && remaining <= 0) {
            Optional<Instant> reset = RetryAfter.parseReset(response.header(KustomerHeaders.RATE_LIMIT_RESET), now);
            Optional<Instant> until = quotaAtZeroIsOurOwn(stated, now)
                    ? reset.map(serverReset -> ourOldestLeaves(stated, serverReset))
                    : reset;
            until.ifPresent(instant -> {
                LOG.debug("Kustomer org {}: quota at zero, pausing until {}", org, instant);
                requests.pause(orgPermit().key(), instant);
            });
        }
    }

    /**
     * Whether a quota at zero is what our own limiter expects: it enforces an org limit no higher than the server's
     * stated one, and this JVM alone may account for the server's whole count: at least that many of its calls were
     * answered within the last window or are still in flight (a call is counted between its grant and its answer,
     * so a slow one granted before the window may still be in it; counting grants would miss it). Then the server's
     * window may hold our calls only, and it frees up when the oldest of them leaves it, which is usually well
     * before x-ratelimit-reset (whole epoch seconds, rounded up): see {@link #ourOldestLeaves}.
     *
     * <p>Otherwise someone else spends the org's quota (another application with the same org, another replica
     * sharing a Redis backend: its grants are not this JVM's) and the org waits for the reset as the server says.
     * So replicas sharing a backend keep pausing until the reset on every quota at zero: correct, but each pays the
     * rounding. A grant whose call failed before it was sent still counts as ours, which can at worst replace that
     * pause by a 429, which then pauses.
     */
    private boolean quotaAtZeroIsOurOwn(Integer stated, Instant now) {
        if (stated == null || stated < 1 || requests.limit().permits() > stated) {
            return false;
        }
        long since = now.toEpochMilli() - requests.enforcedWindow().toMillis();
        return ownOrgCalls.mayBeCountedSince(since) >= stated;
    }

    /**
     * When the oldest of our calls the server counts leaves its window, at the latest: when it surely arrived (by
     * its answer, see {@link OwnOrgCalls#oldestCountedArrivedBy}) plus the window, never later than the server's
     * reset. The limiter itself frees a slot a window after its call was answered, so this pause costs nothing it
     * would not wait anyway; it only keeps the whole-second reset from adding the rest of a second. With a fixed
     * server window this is never before its reset (the oldest counted call arrived in it), so the reset, exact
     * there, is kept.
     */
    private Instant ourOldestLeaves(int stated, Instant reset) {
        return ownOrgCalls.oldestCountedArrivedBy(stated)
                .stream()
                .mapToObj(answered -> Instant.ofEpochMilli(answered).plus(settings.window()))
                .filter(leaves -> leaves.isBefore(reset))
                .findFirst()
                .orElse(reset);
    }

    /** An org call that ends without an answer is no longer in flight: it no longer counts towards a quota at zero. */
    @Override
    public void onNoAnswer(List<Permit> permits) {
        if (permits.stream().anyMatch(permit -> permit.limiter() == requests)) {
            ownOrgCalls.endedWithoutAnswer();
        }
    }

    /**
     * A customer-scoped call's 429 is about its customers (Kustomer's 120 per minute), unless the answer says the
     * org's quota is at zero (see {@link #saysOrgQuotaIsAtZero}); any other 429 is about the org.
     */
    private void pauseAfterTooManyRequests(SaasHttpResponse response, List<Permit> permits, Instant until) {
        boolean customerScoped = permits.stream().anyMatch(permit -> permit.limiter() == customerCreates);
        if (customerScoped && !saysOrgQuotaIsAtZero(response)) {
            for (Permit permit : permits) {
                if (permit.limiter() == customerCreates) {
                    customerCreates.pause(permit.key(), until);
                    customerAdmission.pause(admissionKeyOf(permit.key()), until);
                }
            }
            LOG.debug("Kustomer org {}: 429, customer(s) paused until {}", org, until);
            return;
        }
        requests.pause(orgPermit().key(), until);
        LOG.debug("Kustomer org {}: 429, org paused until {}", org, until);
    }

    /**
     * Whether a 429 names the org's limit as the one exhausted: x-ratelimit-remaining 0 with an x-ratelimit-limit
     * equal to the org limit in force and unlike the customer limit. Kustomer does not document which limit the
     * headers of a 429 describe; only such an unambiguous answer moves a customer-scoped 429 to the org (an org 429
     * read as the customer's would leave the org's other calls running into 429s); anything else stays the
     * customer's, as before.
     */
    private boolean saysOrgQuotaIsAtZero(SaasHttpResponse response) {
        Integer stated = KustomerResponse.intHeader(response, KustomerHeaders.RATE_LIMIT_LIMIT);
        Integer remaining = KustomerResponse.intHeader(response, KustomerHeaders.RATE_LIMIT_REMAINING);
        return stated != null && remaining != null && remaining <= 0
                && stated == requests.limit().permits() && stated != settings.customerCreatesPerWindow();
    }

    /** Only 2xx-4xx answers other than 429 state the org's own limit (a customer-limit 429 states the customer's). */
    private void adopt(Integer stated) {
        if (stated == null || stated < 1 || stated == requests.limit().permits()) {
            return;
        }
        LOG.info("Kustomer org {}: the server states a limit of {} requests per window; adopting it (was {})", org,
                stated, requests.limit().permits());
        requests.setLimit(RateLimit.of(stated, settings.window()));
        ownOrgCalls.setCapacity(stated);
    }

    /** Fails every call waiting for a permit of this org with a StoppedException. */
    @Override
    public void close() {
        concurrency.close();
        requests.close();
        customerAdmission.close();
        customerCreates.close();
    }

    @Override
    public String toString() {
        return "OrgThrottle[" + org + ", " + settings + "]";
    }
}
