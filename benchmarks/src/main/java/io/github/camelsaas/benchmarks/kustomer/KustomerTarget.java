package io.github.camelsaas.benchmarks.kustomer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelsaas.benchmarks.harness.Measurement;
import io.github.camelsaas.simulator.kustomer.KustomerSimulator;

/**
 * The Kustomer simulator as scenario 2 uses it: before each run it is emptied, given its customers and armed
 * with the limits (which also forgets the calls that created the customers); after a run it says what it
 * stored, how many create calls it answered and how many 429s it sent.
 */
public final class KustomerTarget implements AutoCloseable {

    public static final String KLASS = "benchorder";
    static final String CREATE_ROUTE = "POST /v1/customers/{id}/klasses/{name}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KustomerSimulator simulator = new KustomerSimulator();
    private final HttpClient http = HttpClient.newHttpClient();
    private final KustomerLimits limits;

    public KustomerTarget(KustomerLimits limits) {
        this.limits = limits;
        simulator.start();
    }

    public KustomerLimits limits() {
        return limits;
    }

    public String baseUrl() {
        return simulator.baseUrl();
    }

    /** Empties the simulator, creates the customers and arms the limits; returns the customers' ids. */
    public List<String> prepareRun() throws IOException, InterruptedException {
        simulator.reset();
        simulator.setOrgLimit(0, limits.window());
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < limits.customers(); i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/customers"))
                    .header("Authorization", "Bearer " + KustomerSimulator.DEMO_API_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench Customer " + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 200) {
                throw new IllegalStateException("the simulator refused a customer: " + response.statusCode() + " "
                        + response.body());
            }
            customers.add(MAPPER.readTree(response.body()).path("data").path("id").asText());
        }
        simulator.setOrgLimit(limits.org(), limits.window());
        simulator.setCustomerCreateLimit(limits.perCustomer(), limits.window());
        return customers;
    }

    /** The KObject for record i: a title and two typed custom attributes. */
    public static Map<String, Object> kobject(int i) {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("amountNum", 10 + i % 90);
        custom.put("statusStr", i % 2 == 0 ? "open" : "paid");
        Map<String, Object> kobject = new LinkedHashMap<>();
        kobject.put("title", "Bench order " + i);
        kobject.put("custom", custom);
        return kobject;
    }

    /**
     * What the simulator saw in a run that took {@code elapsedNanos}, with its ideal for comparison; exchanges
     * that failed show as records not created. {@code runFacts} are numbers about the way the run's calls took
     * (a proxy's seed and what it counted; none when direct), added to the extras.
     */
    public Measurement measurement(List<String> customers, long elapsedNanos, long failedExchanges,
                                   Map<String, Double> runFacts) {
        long tooMany = simulator.orgTooManyRequests() + simulator.customerTooManyRequests();
        int worstCustomer = customers.stream()
                .mapToInt(c -> simulator.maxCustomerCreatesInAnyWindow(c, limits.window())).max().orElse(0);
        double elapsedSeconds = elapsedNanos / 1e9;
        double idealSeconds = limits.idealMakespan().toMillis() / 1000.0;
        double lastWindowStart = lastWindowStartSeconds(customers);
        Map<String, Double> extra = new LinkedHashMap<>();
        extra.put("ideal_records_per_s", limits.idealRecordsPerSecond());
        extra.put("ideal_makespan_s", idealSeconds);
        // the server's view: how soon after the first create the last window's first create arrived, against the
        // soonest the limits allow; service time of the last burst and the harness's own work are left out
        extra.put("last_window_start_s", lastWindowStart);
        extra.put("achieved_vs_ideal", idealSeconds / lastWindowStart);
        // the records sent before the last window's worth, over the time they took: comparable with the ideal rate
        extra.put("achieved_records_per_s", (double) lastWindowFirst() / lastWindowStart);
        // the client's view: first send to last answer, the last burst's service time included
        extra.put("wall_vs_ideal", idealSeconds / elapsedSeconds);
        extra.put("org_429s", (double) simulator.orgTooManyRequests());
        extra.put("customer_429s", (double) simulator.customerTooManyRequests());
        extra.put("max_creates_per_customer_in_any_window", (double) worstCustomer);
        extra.put("failed_exchanges", (double) failedExchanges);
        extra.putAll(runFacts);
        return Measurement.of(limits.records(), simulator.kobjectCount(KLASS), simulator.stats().calls(CREATE_ROUTE),
                elapsedNanos).withTooManyRequests(tooMany).withExtra(extra);
    }

    /**
     * Seconds from the first counted create to the first create of the last window's worth (create number
     * (ceil(N/L) - 1) x L), as the server timed them. A client that honours "at most L in any window" can never make
     * this less than {@link KustomerLimits#idealMakespan()}.
     */
    private double lastWindowStartSeconds(List<String> customers) {
        List<Long> arrivals = new ArrayList<>();
        customers.forEach(c -> simulator.customerCreateTimes(c).forEach(t -> arrivals.add(t.toEpochMilli())));
        arrivals.sort(null);
        if (arrivals.size() <= lastWindowFirst()) {
            return Double.NaN;
        }
        return (arrivals.get(lastWindowFirst()) - arrivals.get(0)) / 1000.0;
    }

    /** The index of the first create of the last window's worth: (ceil(N/L) - 1) x L. */
    private int lastWindowFirst() {
        int perWindow = limits.idealPerWindow();
        return ((limits.records() + perWindow - 1) / perWindow - 1) * perWindow;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
