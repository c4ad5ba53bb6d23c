package io.github.camelsaas.examples.springboot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

/**
 * The application against embedded simulators of Kustomer and Zuora, for a first look without accounts:
 * {@code mvn -pl examples/spring-boot spring-boot:test-run}. It starts both simulators on free ports, runs
 * {@link OrdersApplication} with their URLs and demo credentials (as command-line properties, which outrank any
 * {@code KUSTOMER_*} / {@code ZUORA_*} variables of the shell, so nothing real is called), lets it send its sample
 * orders, prints what each simulator stored and stops.
 *
 * <p>It lives with the tests because the simulators are a test dependency: the application itself carries no
 * WireMock or Jetty.
 */
public final class LocalOrdersApplication {

    /** What the simulators saw in a local run. */
    record Summary(List<Map<String, Object>> zuoraRecords, int kobjects, long kustomerCalls, long zuoraCalls,
            long tooManyRequests) {
    }

    private LocalOrdersApplication() {
    }

    public static void main(String[] args) {
        Summary summary = run(args);
        System.out.printf("%nKustomer simulator: %d KObjects of klass order (%d calls). "
                + "Zuora simulator: %d Order records (%d calls, the token included). 429 answers: %d.%n",
                summary.kobjects(), summary.kustomerCalls(), summary.zuoraRecords().size(), summary.zuoraCalls(),
                summary.tooManyRequests());
    }

    static Summary run(String... args) {
        try (KustomerSimulator kustomer = new KustomerSimulator(); ZuoraSimulator zuora = new ZuoraSimulator()) {
            kustomer.start();
            zuora.registerObject("Order");
            zuora.start();
            List<String> arguments = new ArrayList<>(Arrays.asList(args));
            arguments.addAll(List.of(
                    "--KUSTOMER_API_KEY=" + KustomerSimulator.DEMO_API_KEY,
                    "--KUSTOMER_BASE_URL=" + kustomer.baseUrl(),
                    "--ZUORA_CLIENT_ID=" + ZuoraSimulator.DEMO_CLIENT_ID,
                    "--ZUORA_CLIENT_SECRET=" + ZuoraSimulator.DEMO_CLIENT_SECRET,
                    "--ZUORA_BASE_URL=" + zuora.baseUrl()));
            // the sample orders are sent (SampleOrders) before run() returns
            try (ConfigurableApplicationContext app =
                    SpringApplication.run(OrdersApplication.class, arguments.toArray(String[]::new))) {
                return new Summary(zuora.records("Order"), kustomer.kobjectCount("order"),
                        kustomer.stats().totalCalls(), zuora.stats().totalCalls(),
                        kustomer.stats().tooManyRequests() + zuora.stats().tooManyRequests());
            }
        }
    }
}
