package io.github.camelsaas.zuora.objects.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelsaas.common.ratelimit.redis.LocalRedisServer;
import io.github.camelsaas.common.testsupport.Replicas;
import io.github.camelsaas.simulator.common.ArrivalSpans;
import io.github.camelsaas.simulator.common.DelayingProxy;
import io.github.camelsaas.simulator.common.WindowMode;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three replicas of one application, each in its own JVM, act for one Zuora tenant (the simulator, in this JVM,
 * enforcing the tenant's rate on a sliding 1 s window) behind a proxy that delays each request by a seeded
 * 0-400 ms. With the Redis backend the three keep the tenant's client rate limit together, judged on the instants
 * the server got the calls; with in-memory backends the same run sends three times the limit and draws 429s.
 */
class ZuoraReplicasShareTenantLimitTest {

    private static final int REPLICAS = 3;
    private static final int LIMIT = 10;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final int RECORDS_PER_REPLICA = 10;
    private static final String RECORDS_PATH = "/objects/records/default/Order";
    private static final Pattern RESULT = Pattern.compile("RESULT created=(\\d+) failed=(\\d+)");

    private static LocalRedisServer redis;
    private static ZuoraSimulator zuora;

    @BeforeAll
    static void start() {
        redis = LocalRedisServer.startOrSkip();
        zuora = new ZuoraSimulator();
        zuora.start();
        zuora.registerObject("Order");
    }

    @AfterAll
    static void stop() {
        if (zuora != null) {
            zuora.stop();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void withRedisThreeReplicasKeepTheTenantLimitOnTheServersClock() throws Exception {
        zuora.setRateLimit(LIMIT, WINDOW, WindowMode.SLIDING);
        long before = zuora.stats().tooManyRequests();

        Run run = run(redis.uri(), 1);

        assertThat(run.created()).as("every replica's creates, %s", run.outputs())
                .isEqualTo(REPLICAS * RECORDS_PER_REPLICA);
        assertThat(zuora.stats().tooManyRequests() - before).as("429s").isZero();
        assertThat(run.arrivals()).hasSize(REPLICAS * RECORDS_PER_REPLICA);
        assertThat(ArrivalSpans.overLimitSpans(run.arrivals(), LIMIT, WINDOW.toMillis()))
                .as(ArrivalSpans.describe(run.arrivals(), LIMIT, WINDOW.toMillis())).isZero();
        // how close the replicas came to the limit depends on the delays drawn and the machine's load: reported only
        System.out.println("Redis backend, 3 replicas: busiest 1 s span " + ArrivalSpans.maxInAnySpan(run.arrivals(),
                WINDOW.toMillis()) + " of " + LIMIT);
    }

    @Test
    void inMemoryThreeReplicasEachSpendTheWholeLimitAndDraw429s() throws Exception {
        zuora.setRateLimit(LIMIT, WINDOW, WindowMode.SLIDING);
        long before = zuora.stats().tooManyRequests();

        Run run = run("memory", 1);

        assertThat(zuora.stats().tooManyRequests() - before).as("429s, %s", run.outputs()).isPositive();
        assertThat(run.created()).isLessThan(REPLICAS * RECORDS_PER_REPLICA);
    }

    private record Run(List<String> outputs, List<Long> arrivals) {
        int created() {
            int created = 0;
            for (String output : outputs) {
                Matcher result = RESULT.matcher(output);
                assertThat(result.find()).as("a RESULT line in %s", output).isTrue();
                created += Integer.parseInt(result.group(1));
            }
            return created;
        }
    }

    /** The replicas reach the tenant through one proxy; the warm-ups are not part of the run. */
    private static Run run(String backend, long seed) throws Exception {
        try (DelayingProxy proxy = DelayingProxy.builder("http://127.0.0.1:" + zuora.port()).seed(seed)
                .delayMillis(0, 400).start();
             Replicas replicas = Replicas.start(REPLICAS, ZuoraReplicaMain.class, entry -> true,
                     replica -> new String[] { proxy.baseUrl(), Integer.toString(LIMIT),
                             Long.toString(WINDOW.toMillis()), backend, Integer.toString(RECORDS_PER_REPLICA) })) {
            replicas.awaitReady(60);
            proxy.clear();
            replicas.go();
            List<String> outputs = replicas.awaitOutputs(60);
            return new Run(outputs, proxy.arrivals("POST", RECORDS_PATH::equals).stream()
                    .map(DelayingProxy.Arrival::atMillis).toList());
        }
    }
}
