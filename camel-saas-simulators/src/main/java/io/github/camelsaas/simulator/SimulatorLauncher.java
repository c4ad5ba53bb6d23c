package io.github.camelsaas.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.simulator.zuora.ObjectDefinition;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

/**
 * Runs both simulators as a standalone process, so any application (or a person with curl) can be pointed at
 * them: {@code java -jar camel-saas-simulators-<version>-standalone.jar --kustomer-port 8081 --zuora-port 8082}.
 * Port 0 (the default) picks a free port. The Zuora simulator can be given its objects at start
 * ({@code --zuora-definitions FILE}) or take any ({@code --zuora-accept-any-object}); see {@link LaunchOptions#USAGE}.
 * Stops on Ctrl-C.
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
        ZuoraSimulator zuora;
        try {
            zuora = zuoraSimulator(options);
        } catch (IllegalArgumentException e) {
            // the command line was fine, its definitions file is not: the message says what to fix
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        KustomerSimulator kustomer = new KustomerSimulator(options.kustomerPort());
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

    /**
     * The Zuora simulator the options ask for, not started: on its port, with the objects of the definitions file,
     * accepting any object if asked.
     *
     * @throws IllegalArgumentException when the definitions file cannot be read or is refused, naming the file
     */
    static ZuoraSimulator zuoraSimulator(LaunchOptions options) {
        ZuoraSimulator zuora = new ZuoraSimulator(options.zuoraPort());
        zuora.setAcceptUnknownObjects(options.zuoraAcceptAnyObject());
        if (options.zuoraDefinitions() != null) {
            String json;
            try {
                json = Files.readString(options.zuoraDefinitions(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("--zuora-definitions: cannot read " + options.zuoraDefinitions()
                        + ": " + e);
            }
            try {
                zuora.registerDefinitions(json);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--zuora-definitions: " + options.zuoraDefinitions()
                        + " is not a definitions body Zuora would take: " + e.getMessage(), e);
            }
        }
        return zuora;
    }

    static void printBanner(PrintStream out, KustomerSimulator kustomer, ZuoraSimulator zuora) {
        out.println("Camel SaaS simulators are running (Ctrl-C stops them).");
        out.println("  Kustomer: " + kustomer.baseUrl() + "   API key: " + KustomerSimulator.DEMO_API_KEY);
        out.println("  Zuora:    " + zuora.baseUrl() + "   client id: " + ZuoraSimulator.DEMO_CLIENT_ID
                    + "   client secret: " + ZuoraSimulator.DEMO_CLIENT_SECRET);
        List<ObjectDefinition> objects = zuora.definitions();
        out.println("  Zuora objects: " + (objects.isEmpty() ? "none defined"
                : objects.stream().map(ObjectDefinition::name).collect(Collectors.joining(", ")))
                    + (zuora.acceptsUnknownObjects() ? "; any other object is defined by its first create" : "")
                    + "; define more with POST " + zuora.baseUrl() + "/objects/definitions/default");
        out.println("  Try: curl -H 'Authorization: Bearer " + KustomerSimulator.DEMO_API_KEY + "' "
                    + kustomer.baseUrl() + "/v1/users/current");
        out.flush();
    }
}
