package io.github.camelsaas.zuora.objects.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.async.StoppedException;
import io.github.camelsaas.common.http.HttpTransport;
import io.github.camelsaas.common.http.HttpTransportOptions;
import io.github.camelsaas.common.json.JsonRecords;
import io.github.camelsaas.common.redact.SecretRegistry;
import io.github.camelsaas.common.retry.Retrier;
import io.github.camelsaas.common.retry.RetryPolicy;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

/** The token cache on a controlled clock: when a token is replaced, single-flight fetches, invalidation. */
class OAuthTokenProviderTest {

    private static final long MARGIN = Duration.ofMinutes(5).toMillis();

    private static ZuoraSimulator zuora;
    private static ScheduledExecutorService scheduler;
    private HttpTransport transport;
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final SecretRegistry secrets = new SecretRegistry();
    private OAuthTokenProvider provider;

    @BeforeAll
    static void startSimulator() {
        zuora = new ZuoraSimulator();
        zuora.start();
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stopSimulator() {
        zuora.close();
        scheduler.shutdownNow();
    }

    @BeforeEach
    void newProvider() {
        zuora.resetAll();
        transport = new HttpTransport(HttpTransportOptions.defaults(), secrets);
        transport.start();
        provider = new OAuthTokenProvider(transport, zuora.baseUrl(), ZuoraSimulator.DEMO_CLIENT_ID,
                ZuoraSimulator.DEMO_CLIENT_SECRET, MARGIN, secrets,
                new Retrier("token", RetryPolicy.withMaxRetries(1), scheduler), Runnable::run, new JsonRecords(),
                clock::get);
    }

    @AfterEach
    void closeTransport() {
        provider.close();
        transport.close();
    }

    @Test
    void anHourTokenIsReplacedFiveMinutesBeforeItExpires() {
        AccessToken first = token();

        clock.addAndGet(Duration.ofSeconds(3599 - 300).toMillis() - 1);
        assertThat(token()).isEqualTo(first);
        clock.addAndGet(2);
        AccessToken second = token();

        assertThat(second.value()).isNotEqualTo(first.value());
        assertThat(zuora.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aTokenShorterThanTwiceTheMarginIsReplacedHalfwayThroughItsLife() {
        zuora.setTokenLifetime(Duration.ofSeconds(21)); // answered as expires_in 20
        AccessToken first = token();

        clock.addAndGet(9_999);
        assertThat(token()).isEqualTo(first);
        clock.addAndGet(1);
        assertThat(token().value()).isNotEqualTo(first.value());
        assertThat(zuora.tokensIssued()).isEqualTo(2);
    }

    @Test
    void concurrentCallersShareOneFetch() {
        zuora.setLatency(Duration.ofMillis(300));
        List<CompletableFuture<AccessToken>> waiting = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            waiting.add(provider.token());
        }

        List<String> values = waiting.stream().map(CompletableFuture::join).map(AccessToken::value).distinct().toList();

        assertThat(values).hasSize(1);
        assertThat(zuora.tokensIssued()).isEqualTo(1);
    }

    @Test
    void invalidatingTheCachedTokenFetchesANewOneButAStaleTokenChangesNothing() {
        AccessToken first = token();
        provider.invalidate(first);
        AccessToken second = token();

        provider.invalidate(first);
        AccessToken third = token();

        assertThat(second.value()).isNotEqualTo(first.value());
        assertThat(third).isEqualTo(second);
        assertThat(zuora.tokensIssued()).isEqualTo(2);
    }

    @Test
    void everyTokenIsMaskedAndAReplacedOneIsForgotten() {
        AccessToken first = token();
        assertThat(secrets.redact("x " + first.value())).isEqualTo("x xxxxxx");
        assertThat(secrets.redact(ZuoraSimulator.DEMO_CLIENT_SECRET)).isEqualTo("xxxxxx");

        provider.invalidate(first);
        AccessToken second = token();

        assertThat(secrets.redact(second.value())).isEqualTo("xxxxxx");
        assertThat(secrets.redact(first.value())).isEqualTo(first.value());
        assertThat(first.toString()).doesNotContain(first.value());
    }

    @Test
    void closingFailsAFetchInProgress() {
        zuora.setLatency(Duration.ofSeconds(2));
        CompletableFuture<AccessToken> waiting = provider.token();

        provider.close();

        assertThat(waiting).failsWithin(1, TimeUnit.SECONDS).withThrowableThat()
                .withCauseInstanceOf(StoppedException.class);
        assertThat(provider.token()).isCompletedExceptionally();
    }

    private AccessToken token() {
        return provider.token().join();
    }
}
