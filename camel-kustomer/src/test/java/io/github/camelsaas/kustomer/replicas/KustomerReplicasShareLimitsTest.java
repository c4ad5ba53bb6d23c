package io.github.camelsaas.kustomer.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsaas.common.ratelimit.redis.LocalRedisServer;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three replicas of one application, each in its own JVM, create KObjects for the same customer through one
 * Kustomer (the simulator, in this JVM, enforcing N creates per customer per window on a sliding window). Each
 * replica is configured with the same limit of N per window. With the Redis backend the three together stay
 * within N in every window and draw no 429; with the default in-memory backend the same run sends three times
 * the limit at once and draws 429s, which is what the shared backend is for.
 */
class KustomerReplicasShareLimitsTest {

    private static final int REPLICAS = 3;
    private static final int LIMIT = 20;
    /**
     * Short, yet long enough that the limiter's safety margin (5% of it, 250 ms: the margin a 60 s window gets in
     * production) covers the jitter between a grant and the moment the simulator counts the request. With four JVMs
     * on two busy cores that jitter reached 140 ms: 1 s and 2 s windows (50 and 100 ms margins) drew occasional
     * 429s, and the spans between 3 s-window grants came within 6 ms of the window.
     */
    private static final Duration WINDOW = Duration.ofSeconds(5);
    /** 30 creates at 20 per window: a full first window, the rest in the second. */
    private static final int CREATES_PER_REPLICA = 10;
    private static final Pattern RESULT = Pattern.compile("RESULT created=(\\d+) failed=(\\d+)");

    private static LocalRedisServer redis;
    private static KustomerSimulator simulator;
    private static String warmUpCustomer;

    @BeforeAll
    static void start() {
        redis = LocalRedisServer.startOrSkip();
        simulator = new KustomerSimulator();
        simulator.start();
        simulator.setOrgLimit(0, WINDOW);
        simulator.setCustomerCreateLimit(LIMIT, WINDOW);
        warmUpCustomer = createCustomer("Warm-up");
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.stop();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void withRedisThreeReplicasTogetherKeepOneCustomerLimit() throws Exception {
        String customer = createCustomer("Ada");
        long before = simulator.customerTooManyRequests();
        List<String> outputs = run(customer, redis.uri());

        assertThat(createdIn(outputs)).as("every replica's creates, %s", outputs)
                .isEqualTo(REPLICAS * CREATES_PER_REPLICA);
        System.out.println("Redis backend: busiest window " + simulator.maxCustomerCreatesInAnyWindow(customer, WINDOW)
                + " creates; spans of N+1 creates (ms) " + spans(customer));
        assertThat(simulator.customerTooManyRequests() - before).as("429s; N-apart spans %s", spans(customer)).isZero();
        // the server counted at most N in any window, and the replicas used the limit rather than idling
        assertThat(simulator.maxCustomerCreatesInAnyWindow(customer, WINDOW)).isEqualTo(LIMIT);
        assertThat(simulator.kobjects("order").stream().filter(k -> customer.equals(k.customerId())))
                .hasSize(REPLICAS * CREATES_PER_REPLICA);
    }

    @Test
    void inMemoryThreeReplicasEachSpendTheWholeLimitAndDraw429s() throws Exception {
        String customer = createCustomer("Grace");
        long before = simulator.customerTooManyRequests();
        List<String> outputs = run(customer, "memory");

        // each replica counted only its own creates: together they sent up to 3 x N in the first window
        long tooMany = simulator.customerTooManyRequests() - before;
        System.out.println("in-memory backends: " + tooMany + " 429s for " + REPLICAS * CREATES_PER_REPLICA
                + " creates");
        assertThat(tooMany).as("429s, %s", outputs).isPositive();
        assertThat(createdIn(outputs)).isLessThan(REPLICAS * CREATES_PER_REPLICA);
    }

    private static List<String> run(String customer, String backend) throws Exception {
        try (Replicas replicas = Replicas.start(REPLICAS, entry -> true, simulator.baseUrl(), customer, warmUpCustomer,
                Integer.toString(CREATES_PER_REPLICA), Integer.toString(LIMIT), Long.toString(WINDOW.toMillis()),
                backend)) {
            replicas.awaitReadyAndGo(30);
            return replicas.awaitOutputs(30);
        }
    }

    /** For each create counted, how long after the create N places before it it came (at least W when kept). */
    private static List<Long> spans(String customer) {
        List<java.time.Instant> times = simulator.customerCreateTimes(customer);
        List<Long> spans = new java.util.ArrayList<>();
        for (int i = LIMIT; i < times.size(); i++) {
            spans.add(Duration.between(times.get(i - LIMIT), times.get(i)).toMillis());
        }
        return spans;
    }

    private static int createdIn(List<String> outputs) {
        int created = 0;
        for (String output : outputs) {
            Matcher result = RESULT.matcher(output);
            assertThat(result.find()).as("a RESULT line in %s", output).isTrue();
            created += Integer.parseInt(result.group(1));
        }
        return created;
    }

    /** A customer made through the simulator's API; its id. */
    private static String createCustomer(String name) {
        try {
            return createCustomerOrThrow(name);
        } catch (Exception e) {
            throw new AssertionError("could not create a customer", e);
        }
    }

    private static String createCustomerOrThrow(String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(simulator.baseUrl() + "/v1/customers"))
                .header("Authorization", "Bearer " + KustomerSimulator.DEMO_API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return new ObjectMapper().readTree(response.body()).path("data").path("id").asText();
    }
}
