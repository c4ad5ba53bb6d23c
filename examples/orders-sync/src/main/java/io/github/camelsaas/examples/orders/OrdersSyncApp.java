package io.github.camelsaas.examples.orders;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * orders-sync: writes a sample of orders to Kustomer (a KObject of klass {@code order} per order, linked to its
 * customer) and to Zuora (a record of the custom object {@code Order} per order). Each system is the real service
 * when its credentials are in the environment, and an embedded simulator with the vendor's real limits otherwise.
 * Prints progress while it runs and a summary at the end; exits non-zero if any record failed.
 */
public final class OrdersSyncApp {

    private OrdersSyncApp() {
    }

    public static void main(String[] args) {
        Settings settings = Settings.fromEnvironment(System.getenv());
        int exitCode;
        if (settings.realKustomer() && settings.realZuora()) {
            exitCode = run(settings, null, Duration.ofSeconds(1), System.out);
        } else {
            // the vendors' real limits, on their real one-minute window
            try (EmbeddedSimulators simulators = new EmbeddedSimulators(Duration.ofSeconds(60))) {
                simulators.start();
                exitCode = run(settings, simulators, Duration.ofSeconds(1), System.out);
            }
        }
        System.exit(exitCode);
    }

    /**
     * @param simulators    the started stand-ins for the systems without credentials (null when both are real)
     * @param progressEvery how often progress is printed
     * @return the process exit code: 0 when every record was created
     */
    static int run(Settings settings, EmbeddedSimulators simulators, Duration progressEvery, PrintStream out) {
        List<Map<String, Object>> orders = Orders.load(settings.ordersFile(), settings.ordersLimit());
        Main main = new Main();
        main.setInitialProperties(componentProperties(settings, simulators));
        main.configure().addRoutesBuilder(new OrdersSyncRoutes());
        ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor();
        try {
            main.start();
            out.println(banner(settings, simulators, orders.size()));
            SyncProgress progress = new SyncProgress(orders.size());
            printer.scheduleAtFixedRate(() -> progress.print(out), progressEvery.toMillis(), progressEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            OrdersSync sync = new OrdersSync(template, progress);
            // both systems at once: Zuora takes the whole list, Kustomer goes page by page under its limits
            CompletableFuture<Void> zuora = CompletableFuture.runAsync(() -> sync.toZuora(orders));
            sync.toKustomer(orders);
            zuora.join();
            printer.shutdownNow();
            progress.print(out);
            out.println(SummaryTable.render(progress, settings, simulators));
            return progress.failed() == 0 ? 0 : 1;
        } catch (RuntimeException e) {
            out.println("orders-sync failed: " + e.getMessage());
            return 2;
        } finally {
            printer.shutdownNow();
            main.stop();
        }
    }

    /** The components are configured like any Camel component: camel.component.<scheme>.<option> properties. */
    static Properties componentProperties(Settings settings, EmbeddedSimulators simulators) {
        Properties properties = new Properties();
        if (settings.realKustomer()) {
            // a placeholder, so the key is read from the environment by Camel and never copied as plain text
            properties.setProperty("camel.component.kustomer.api-key", "{{env:KUSTOMER_API_KEY}}");
            properties.setProperty("camel.component.kustomer.region", settings.kustomerRegion());
        } else {
            properties.setProperty("camel.component.kustomer.api-key",
                    io.github.camelsaas.simulator.kustomer.KustomerSimulator.DEMO_API_KEY);
            properties.setProperty("camel.component.kustomer.base-url", simulators.kustomer.baseUrl());
            // the same limits the simulator enforces, over the same window
            properties.setProperty("camel.component.kustomer.requests-per-minute",
                    Integer.toString(EmbeddedSimulators.KUSTOMER_ORG_LIMIT));
            properties.setProperty("camel.component.kustomer.rate-limit-window", simulators.window.toMillis() + "ms");
        }
        if (settings.realZuora()) {
            properties.setProperty("camel.component.zuora-objects.client-id", "{{env:ZUORA_CLIENT_ID}}");
            properties.setProperty("camel.component.zuora-objects.client-secret", "{{env:ZUORA_CLIENT_SECRET}}");
            properties.setProperty("camel.component.zuora-objects.environment", settings.zuoraEnvironment());
        } else {
            properties.setProperty("camel.component.zuora-objects.client-id",
                    io.github.camelsaas.simulator.zuora.ZuoraSimulator.DEMO_CLIENT_ID);
            properties.setProperty("camel.component.zuora-objects.client-secret",
                    io.github.camelsaas.simulator.zuora.ZuoraSimulator.DEMO_CLIENT_SECRET);
            properties.setProperty("camel.component.zuora-objects.base-url", simulators.zuora.baseUrl());
        }
        return properties;
    }

    private static String banner(Settings settings, EmbeddedSimulators simulators, int orders) {
        StringBuilder banner = new StringBuilder("orders-sync: " + orders + " orders\n");
        banner.append("  Kustomer: ").append(settings.realKustomer() ? "the real service (KUSTOMER_API_KEY is set)"
                : "embedded simulator at " + simulators.kustomer.baseUrl()
                  + " (no KUSTOMER_API_KEY): 300 requests per window for the org, 120 creates per customer").append('\n');
        banner.append("  Zuora:    ").append(settings.realZuora()
                ? "the real service, " + settings.zuoraEnvironment() + " (ZUORA_CLIENT_ID/ZUORA_CLIENT_SECRET are set)"
                : "embedded simulator at " + simulators.zuora.baseUrl()
                  + " (no ZUORA_CLIENT_ID/ZUORA_CLIENT_SECRET): 1,000 records per call, 40 calls in flight");
        return banner.toString();
    }
}
