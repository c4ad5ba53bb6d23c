package io.github.camelsaas.kustomer.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelsaas.common.ratelimit.redis.LocalRedisServer;
import io.github.camelsaas.simulator.common.ArrivalSpans;
import io.github.camelsaas.simulator.common.DelayingProxy;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.common.testsupport.Replicas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three replicas of one application, each in its own JVM, create KObjects through one Kustomer (the simulator, in
 * this JVM, enforcing the same limits on a sliding window, 1 s windows) behind a proxy that delays each request by a
 * seeded 0-400 ms, and the limits are judged on the instants the server counted the requests. With the Redis backend the three together keep every limit on the server's clock
 * and draw no 429; with the default in-memory backend the same run sends three times the limit and draws 429s,
 * which is what the shared backend is for.
 */
class KustomerReplicasShareLimitsTest {

    private static final int REPLICAS = 3;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final int CUSTOMER_LIMIT = 10;
    private static final int NO_LIMIT = 100_000;
    private static final Pattern RESULT = Pattern.compile("RESULT created=(\\d+) failed=(\\d+)");

    private static LocalRedisServer redis;
    private static KustomerSimulator simulator;
    private static String warmUpCustomer;
    private DelayingProxy proxy;

    @BeforeAll
    static void start() {
        redis = LocalRedisServer.startOrSkip();
        simulator = new KustomerSimulator();
        simulator.start();
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

    @BeforeEach
    void noLimitsYet() {
        simulator.setOrgLimit(0, WINDOW);
        simulator.setCustomerCreateLimit(0, WINDOW);
    }

    /**
     * 10 customers at once, each its own limit of 10 per second: each replica sends 6 creates for every customer
     * (18 per customer in all), so every customer's limit holds some of them back for a window.
     */
    @Test
    void withRedisThreeReplicasTogetherKeepTenCustomersLimitsOnTheServersClock() throws Exception {
        List<String> customers = customers(10);
        simulator.setCustomerCreateLimit(CUSTOMER_LIMIT, WINDOW);
        long before = simulator.customerTooManyRequests();

        List<String> outputs = run(customers, 6, CUSTOMER_LIMIT, NO_LIMIT, redis.uri(), 1);

        assertThat(createdIn(outputs)).as("every replica's creates, %s", outputs).isEqualTo(REPLICAS * 6 * 10);
        assertThat(simulator.customerTooManyRequests() - before).as("429s").isZero();
        int busiest = 0;
        for (String customer : customers) {
            List<Long> counted = simulator.customerCreateTimes(customer).stream().map(Instant::toEpochMilli).toList();
            assertThat(counted).hasSize(REPLICAS * 6);
            assertThat(ArrivalSpans.overLimitSpans(counted, CUSTOMER_LIMIT, WINDOW.toMillis()))
                    .as("customer %s: %s", customer, ArrivalSpans.describe(counted, CUSTOMER_LIMIT, WINDOW.toMillis()))
                    .isZero();
            busiest = Math.max(busiest, ArrivalSpans.maxInAnySpan(counted, WINDOW.toMillis()));
        }
        // how close the replicas came to the limit depends on the delays drawn and the machine's load: reported only
        System.out.println("Redis backend, 3 replicas: busiest customer window " + busiest + " of " + CUSTOMER_LIMIT);
    }

    /** One org limit of 20 per second for the three replicas: 3 x 15 creates, for customers of their own. */
    @Test
    void withRedisThreeReplicasTogetherKeepTheOrgLimitOnTheServersClock() throws Exception {
        int orgLimit = 20;
        List<String> customers = customers(15);
        simulator.setOrgLimit(orgLimit, WINDOW);
        long before = simulator.orgTooManyRequests();

        List<String> outputs = run(customers, 1, NO_LIMIT, orgLimit, redis.uri(), 2);

        assertThat(createdIn(outputs)).as("every replica's creates, %s", outputs).isEqualTo(REPLICAS * 15);
        assertThat(simulator.orgTooManyRequests() - before).as("429s").isZero();
        List<Long> arrivals = proxy.arrivals("POST", path -> path.contains("/klasses/")).stream()
                .map(DelayingProxy.Arrival::atMillis).toList();
        assertThat(arrivals).hasSize(REPLICAS * 15);
        assertThat(ArrivalSpans.overLimitSpans(arrivals, orgLimit, WINDOW.toMillis()))
                .as(ArrivalSpans.describe(arrivals, orgLimit, WINDOW.toMillis())).isZero();
    }

    @Test
    void inMemoryThreeReplicasEachSpendTheWholeLimitAndDraw429s() throws Exception {
        List<String> customers = customers(1);
        simulator.setCustomerCreateLimit(CUSTOMER_LIMIT, WINDOW);
        long before = simulator.customerTooManyRequests();

        List<String> outputs = run(customers, CUSTOMER_LIMIT, CUSTOMER_LIMIT, NO_LIMIT, "memory", 3);

        // each replica counted only its own creates: together they sent 3 x N in the first window
        long tooMany = simulator.customerTooManyRequests() - before;
        System.out.println("in-memory backends: " + tooMany + " 429s for " + REPLICAS * CUSTOMER_LIMIT + " creates");
        assertThat(tooMany).as("429s, %s", outputs).isPositive();
        assertThat(createdIn(outputs)).isLessThan(REPLICAS * CUSTOMER_LIMIT);
    }

    /**
     * The replicas reach the simulator through one proxy (one host, as replicas of one application reach one vendor:
     * the org is named by its host), released at the same moment; the warm-ups are not part of the run.
     */
    private List<String> run(List<String> customers, int createsPerCustomer, int customerLimit, int orgLimit,
                             String backend, long seed) throws Exception {
        proxy = DelayingProxy.builder("http://127.0.0.1:" + simulator.port()).seed(seed).delayMillis(0, 400).start();
        try (Replicas replicas = Replicas.start(REPLICAS, ReplicaMain.class, entry -> true, replica -> new String[] {
                proxy.baseUrl(), warmUpCustomer, Integer.toString(createsPerCustomer),
                Integer.toString(customerLimit), Integer.toString(orgLimit), Long.toString(WINDOW.toMillis()),
                backend, String.join(",", customers) })) {
            replicas.awaitReady(60);
            proxy.clear();
            replicas.go();
            return replicas.awaitOutputs(60);
        } finally {
            proxy.close();
        }
    }

    private static List<String> customers(int count) {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            customers.add(createCustomer("Customer " + i));
        }
        return customers;
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
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(simulator.baseUrl() + "/v1/customers"))
                    .header("Authorization", "Bearer " + KustomerSimulator.DEMO_API_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
            return new ObjectMapper().readTree(response.body()).path("data").path("id").asText();
        } catch (Exception e) {
            throw new AssertionError("could not create a customer", e);
        }
    }
}
