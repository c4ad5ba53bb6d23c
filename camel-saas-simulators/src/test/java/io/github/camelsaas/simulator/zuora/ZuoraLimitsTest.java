package io.github.camelsaas.simulator.zuora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.common.WindowMode;
import io.github.camelsaas.simulator.zuora.ZuoraTestClient.Reply;

class ZuoraLimitsTest extends ZuoraSimulatorTestBase {

    private static final String DEFINITIONS = "/objects/definitions/default";

    @BeforeEach
    void warmUp() {
        // token and first connection before any limit is set, so the timed part is only the calls under test
        assertThat(client.get(DEFINITIONS).status()).isEqualTo(200);
    }

    @Test
    void aSlidingWindowServesNCallsAndAnswersTheNextWith429() {
        zuora.setRateLimit(5, Duration.ofSeconds(1));

        for (int i = 0; i < 5; i++) {
            Reply reply = client.get(DEFINITIONS);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("RateLimit-Limit")).isEqualTo("5, 5;w=1");
            assertThat(reply.header("RateLimit-Remaining")).isEqualTo(String.valueOf(4 - i));
        }
        Reply over = client.get(DEFINITIONS);

        assertThat(over.status()).isEqualTo(429);
        assertThat(over.json().get("code").asInt()).isEqualTo(ZuoraErrorCodes.LIMIT_EXCEEDED);
        assertThat(over.header("Retry-After")).isEqualTo("1");
        assertThat(over.header("RateLimit-Limit")).isEqualTo("5, 5;w=1");
        assertThat(over.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(over.header("RateLimit-Reset")).isEqualTo("1");
        assertThat(zuora.stats().tooManyRequests()).isEqualTo(1);
        assertThat(client.requestToken(ZuoraSimulator.DEMO_CLIENT_ID, ZuoraSimulator.DEMO_CLIENT_SECRET).status())
                .as("the token endpoint is not under the tenant's limit").isEqualTo(200);

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get(DEFINITIONS).status() == 200);
    }

    @Test
    void aFixedWindowServesNCallsPerAlignedWindow() {
        zuora.setRateLimit(5, Duration.ofMillis(500), WindowMode.FIXED);
        // start right after a window boundary (windows are aligned on the epoch), so the six calls share one window
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1))
                .until(() -> System.currentTimeMillis() % 500 < 50);

        for (int i = 0; i < 5; i++) {
            assertThat(client.get(DEFINITIONS).status()).isEqualTo(200);
        }
        Reply over = client.get(DEFINITIONS);

        assertThat(over.status()).isEqualTo(429);
        assertThat(over.header("Retry-After")).isEqualTo("1");
        assertThat(over.header("RateLimit-Limit")).isEqualTo("5, 5;w=1");
        assertThat(over.header("RateLimit-Remaining")).isEqualTo("0");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> client.get(DEFINITIONS).status() == 200);
    }

    @Test
    void theRateLimitIsPerTenant() {
        zuora.registerClient("acme-client", "acme-secret", "acme-tenant");
        String acmeToken = client.requestToken("acme-client", "acme-secret").json().get("access_token").asText();
        zuora.setRateLimit(2, Duration.ofSeconds(30));

        client.get(DEFINITIONS);
        client.get(DEFINITIONS);

        assertThat(client.get(DEFINITIONS).status()).isEqualTo(429);
        assertThat(client.send(HttpRequest.newBuilder(client.uri(DEFINITIONS))
                .header("Authorization", "Bearer " + acmeToken)).status()).isEqualTo(200);
    }

    @Test
    void aDisabledRateLimitSendsNoRateLimitHeaders() {
        zuora.disableRateLimit();

        Reply reply = client.get(DEFINITIONS);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("RateLimit-Limit")).isNull();
    }

    @Test
    void callsBeyondTheConcurrencyLimitAnswer429() {
        zuora.setConcurrencyLimit(3);
        zuora.setLatency(Duration.ofMillis(600));

        List<CompletableFuture<Reply>> admitted = send(3);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5))
                .until(() -> zuora.stats().inFlight() == 3);
        List<CompletableFuture<Reply>> overflow = send(2);

        assertThat(admitted).extracting(f -> f.join().status()).containsOnly(200);
        for (CompletableFuture<Reply> call : overflow) {
            Reply reply = call.join();
            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.header("Retry-After")).isEqualTo("1");
            assertThat(reply.json().get("message").asText()).contains("concurrent");
        }
        assertThat(zuora.stats().tooManyRequests()).isEqualTo(2);
    }

    @Test
    void aFloodNeverHasMoreThanTheLimitServedAtOnce() {
        zuora.setConcurrencyLimit(4);
        zuora.setLatency(Duration.ofMillis(400));

        List<Reply> replies = send(10).stream().map(CompletableFuture::join).toList();

        long served = replies.stream().filter(r -> r.status() == 200).count();
        long refused = replies.stream().filter(r -> r.status() == 429).count();
        assertThat(served).isLessThanOrEqualTo(4);
        assertThat(served + refused).isEqualTo(10);
        assertThat(zuora.stats().maxInFlight()).isGreaterThan(4);
        assertThat(zuora.stats().tooManyRequests()).isEqualTo(refused);
    }

    private List<CompletableFuture<Reply>> send(int count) {
        List<CompletableFuture<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(client.getAsync(DEFINITIONS));
        }
        return calls;
    }
}
