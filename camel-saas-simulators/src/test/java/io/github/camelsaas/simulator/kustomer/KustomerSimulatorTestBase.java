package io.github.camelsaas.simulator.kustomer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One simulator per test class (starting a server per test is slow), reset to its default configuration and an
 * empty store before each test. The client (demo API key) holds no state, so one serves the whole class.
 */
abstract class KustomerSimulatorTestBase {

    static KustomerSimulator simulator;
    static KustomerClient client;

    @BeforeAll
    static void startSimulator() {
        simulator = new KustomerSimulator();
        simulator.start();
        client = new KustomerClient(simulator);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    @BeforeEach
    void freshSimulator() {
        simulator.restoreDefaultConfiguration();
        simulator.reset();
    }
}
