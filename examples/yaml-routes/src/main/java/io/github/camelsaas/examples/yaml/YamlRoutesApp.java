package io.github.camelsaas.examples.yaml;

import org.apache.camel.main.Main;

/**
 * Runs the YAML routes of {@code src/main/resources/routes} with camel-main. Everything else is configuration
 * ({@code application.properties}); this class only starts the simulators of the systems that have no
 * credentials in the environment, and stops the application when the orders are done.
 */
public final class YamlRoutesApp {

    private YamlRoutesApp() {
    }

    public static void main(String[] args) throws Exception {
        int exitCode;
        try (EmbeddedSimulators simulators = EmbeddedSimulators.forMissingCredentials(System.getenv())) {
            Main main = new Main(YamlRoutesApp.class);
            StopWhenDone stopWhenDone = configure(main, simulators);
            main.run(args);
            exitCode = stopWhenDone.exitCode() == 0 ? main.getExitCode() : 1;
        }
        System.exit(exitCode);
    }

    /**
     * Points the placeholders at the simulators that were started and binds the route policy that stops the
     * application once the orders are done.
     */
    static StopWhenDone configure(Main main, EmbeddedSimulators simulators) {
        simulators.configure(main);
        StopWhenDone stopWhenDone = new StopWhenDone(main);
        main.bind("stopWhenDone", stopWhenDone);
        return stopWhenDone;
    }
}
