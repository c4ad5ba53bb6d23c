package io.github.camelsaas.simulator.common;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that starts simulators before the first test of a class and stops them after its last, so a
 * class pays the start-up once. Register it on a static field, next to the static fields holding the simulators:
 * {@code @RegisterExtension static final RunningSimulators RUNNING = new RunningSimulators(simulator);}
 * Each test resets what it relies on (store, faults, limits) itself.
 */
public final class RunningSimulators implements BeforeAllCallback, AfterAllCallback {

    private final List<AbstractSimulator> simulators;

    public RunningSimulators(AbstractSimulator... simulators) {
        this.simulators = List.of(simulators);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulators.forEach(AbstractSimulator::start);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        simulators.forEach(AbstractSimulator::stop);
    }
}
