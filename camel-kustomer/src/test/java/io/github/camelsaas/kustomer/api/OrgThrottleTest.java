package io.github.camelsaas.kustomer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelsaas.common.call.Permit;
import io.github.camelsaas.common.http.SaasHttpResponse;
import io.github.camelsaas.common.ratelimit.Grant;
import io.github.camelsaas.common.ratelimit.InMemoryRateLimitBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Kustomer's answers do to the limits of an org. */
class OrgThrottleTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final OrgThrottle throttle = new OrgThrottle("https://acme.example",
            new OrgThrottle.Settings(0, 2, Duration.ofSeconds(60), 4), new InMemoryRateLimitBackend(), scheduler,
            Runnable::run, Duration.ofMinutes(2));

    @AfterEach
    void close() {
        throttle.close();
        scheduler.shutdownNow();
    }

    @Test
    void admissionAndGrantOfACustomerCountSeparatelyOnOneBackend() {
        Permit admission = throttle.customerAdmission("c1", 2);
        Permit grant = throttle.customerCreates("c1", 2);
        assertThat(admission.limiter().acquire(admission.key(), 2)).isDone();
        assertThat(grant.limiter().acquire(grant.key(), 2)).isDone();
        // the third create of the window waits, at both stages
        assertThat(grant.limiter().acquire(grant.key(), 1)).isNotDone();
    }

    @Test
    void theAdaptiveLimitFollowsTheStatedLimitButNotACustomerLimits429() {
        throttle.onResponse(SaasHttpResponse.of(200, "{}", "x-ratelimit-limit", "1000",
                "x-ratelimit-remaining", "999"), List.of());
        assertThat(throttle.orgLimit().permits()).isEqualTo(1000);
        throttle.onResponse(SaasHttpResponse.of(429, "{}", "x-ratelimit-limit", "120", "Retry-After", "1"),
                List.of(throttle.orgPermit(), throttle.customerCreates("c1", 1)));
        assertThat(throttle.orgLimit().permits()).isEqualTo(1000);
    }

    @Test
    void aCustomerScoped429PausesTheCustomerAndAnyOther429TheOrg() {
        String resetIn60s = String.valueOf(System.currentTimeMillis() / 1000 + 60);
        throttle.onResponse(SaasHttpResponse.of(429, "{}", "x-ratelimit-reset", resetIn60s),
                List.of(throttle.customerAdmission("c1", 1), throttle.customerCreates("c1", 1),
                        throttle.orgPermit()));
        Permit customer = throttle.customerCreates("c1", 1);
        Permit other = throttle.customerCreates("c2", 1);
        Permit org = throttle.orgPermit();
        assertThat(customer.limiter().acquire(customer.key())).isNotDone();
        assertThat(other.limiter().acquire(other.key())).isDone();
        assertThat(org.limiter().acquire(org.key())).isDone();

        throttle.onResponse(SaasHttpResponse.of(429, "{}", "x-ratelimit-reset", resetIn60s), List.of(org));
        CompletableFuture<Grant> paused = org.limiter().acquire(org.key());
        assertThat(paused).isNotDone();
    }

    @Test
    void aCustomerScoped429NamingTheOrgsExhaustedLimitPausesTheOrgNotTheCustomer() {
        // the org limit in force is the adaptive start, 300; the customer limit here is 2
        throttle.onResponse(SaasHttpResponse.of(429, "{}", "x-ratelimit-limit", "300", "x-ratelimit-remaining", "0",
                "Retry-After", "60"), List.of(throttle.orgPermit(), throttle.customerCreates("c1", 1)));

        Permit org = throttle.orgPermit();
        Permit customer = throttle.customerCreates("c1", 1);
        assertThat(org.limiter().acquire(org.key())).isNotDone();
        assertThat(customer.limiter().acquire(customer.key())).isDone();
    }

    @Test
    void aCustomerScoped429NamingTheCustomersLimitStillPausesTheCustomerOnly() {
        throttle.onResponse(SaasHttpResponse.of(429, "{}", "x-ratelimit-limit", "2", "x-ratelimit-remaining", "0",
                "Retry-After", "60"), List.of(throttle.orgPermit(), throttle.customerCreates("c1", 1)));

        Permit org = throttle.orgPermit();
        Permit customer = throttle.customerCreates("c1", 1);
        assertThat(org.limiter().acquire(org.key())).isDone();
        assertThat(customer.limiter().acquire(customer.key())).isNotDone();
    }

    @Test
    void aQuotaAtZeroPausesTheOrgUntilItsReset() {
        String resetIn60s = String.valueOf(System.currentTimeMillis() / 1000 + 60);
        throttle.onResponse(SaasHttpResponse.of(201, "{}", "x-ratelimit-remaining", "0",
                "x-ratelimit-reset", resetIn60s), List.of(throttle.orgPermit()));
        Permit org = throttle.orgPermit();
        assertThat(org.limiter().acquire(org.key())).isNotDone();
    }

    @Test
    void aQuotaAtZeroAfterOurOwnGrantsPausesOnlyUntilTheOldestOfThemLeavesTheWindow() throws Exception {
        InMemoryRateLimitBackend backend = new InMemoryRateLimitBackend();
        try (OrgThrottle ours = explicitLimit(3, backend)) {
            Permit org = ours.orgPermit();
            for (int i = 0; i < 3; i++) {
                assertThat(org.limiter().acquire(org.key())).isDone();
            }
            long before = System.currentTimeMillis();
            String resetIn600s = String.valueOf(before / 1000 + 600);
            for (int remaining = 2; remaining >= 0; remaining--) {
                ours.onResponse(SaasHttpResponse.of(201, "{}", "x-ratelimit-limit", "3", "x-ratelimit-remaining",
                        String.valueOf(remaining), "x-ratelimit-reset", resetIn600s), List.of(org));
            }

            // the server's window holds our 3 calls only: it frees up a window after the first was answered
            long pausedUntil = backend.pausedUntil(org.key(), before).get();
            assertThat(pausedUntil).isBetween(before + 60_000, System.currentTimeMillis() + 60_000 + 1);
        }
    }

    @Test
    void aQuotaAtZeroOurGrantsDoNotExplainPausesTheOrgUntilTheReset() throws Exception {
        InMemoryRateLimitBackend backend = new InMemoryRateLimitBackend();
        try (OrgThrottle ours = explicitLimit(3, backend)) {
            Permit org = ours.orgPermit();
            assertThat(org.limiter().acquire(org.key())).isDone();
            long resetSeconds = System.currentTimeMillis() / 1000 + 600;
            // one call of ours and the server's 3 are gone: another client spends the org's quota
            ours.onResponse(SaasHttpResponse.of(201, "{}", "x-ratelimit-limit", "3", "x-ratelimit-remaining", "0",
                    "x-ratelimit-reset", String.valueOf(resetSeconds)), List.of(org));

            assertThat(backend.pausedUntil(org.key(), 0).get()).isEqualTo(resetSeconds * 1000);
        }
    }

    @Test
    void aQuotaAtZeroUnderALimitAboveTheStatedOnePausesTheOrgUntilTheReset() throws Exception {
        InMemoryRateLimitBackend backend = new InMemoryRateLimitBackend();
        try (OrgThrottle ours = explicitLimit(5, backend)) {
            Permit org = ours.orgPermit();
            for (int i = 0; i < 3; i++) {
                assertThat(org.limiter().acquire(org.key())).isDone();
            }
            long resetSeconds = System.currentTimeMillis() / 1000 + 600;
            // 3 of ours did fill the server's 3, but our limiter would grant 2 more: only the reset is safe
            for (int remaining = 2; remaining >= 0; remaining--) {
                ours.onResponse(SaasHttpResponse.of(201, "{}", "x-ratelimit-limit", "3", "x-ratelimit-remaining",
                        String.valueOf(remaining), "x-ratelimit-reset", String.valueOf(resetSeconds)), List.of(org));
            }

            assertThat(backend.pausedUntil(org.key(), 0).get()).isEqualTo(resetSeconds * 1000);
        }
    }

    private OrgThrottle explicitLimit(int requestsPerWindow, InMemoryRateLimitBackend backend) {
        return new OrgThrottle("https://acme.example", new OrgThrottle.Settings(requestsPerWindow, 120,
                Duration.ofSeconds(60), 4), backend, scheduler, Runnable::run, Duration.ofMinutes(2));
    }
}
