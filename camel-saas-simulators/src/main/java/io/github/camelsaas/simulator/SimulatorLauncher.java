package io.github.camelsaas.simulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

/**
 * Runs both simulators as a standalone process, so any application (or a person with curl) can be pointed at
 * them: {@code java -jar camel-saas-simulators-<version>-standalone.jar --kustomer-port 8081 --zuora-port 8082}.
 * Port 0 (the default) picks a free port. Stops on Ctrl-C.
 */
public final class SimulatorLauncher {

    private SimulatorLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        KustomerSimulator kustomer = new KustomerSimulator(options.kustomerPort());
        ZuoraSimulator zuora = new ZuoraSimulator(options.zuoraPort());
        kustomer.start();
        zuora.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kustomer.stop();
            zuora.stop();
            stopped.countDown();
        }, "simulators-shutdown"));
        printBanner(System.out, kustomer, zuora);
        stopped.await();
    }

    static void printBanner(PrintStream out, KustomerSimulator kustomer, ZuoraSimulator zuora) {
        out.println("Camel SaaS simulators are running (Ctrl-C stops them).");
        out.println("  Kustomer: " + kustomer.baseUrl() + "   API key: " + KustomerSimulator.DEMO_API_KEY);
        out.println("  Zuora:    " + zuora.baseUrl() + "   client id: " + ZuoraSimulator.DEMO_CLIENT_ID
                    + "   client secret: " + ZuoraSimulator.DEMO_CLIENT_SECRET);
        out.println("  Try: curl -H 'Authorization: Bearer " + KustomerSimulator.DEMO_API_KEY + "' "
                    + kustomer.baseUrl() + "/v1/users/current");
        out.flush();
    }
}
