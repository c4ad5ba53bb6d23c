package io.github.camelsaas.examples.yaml;

import java.util.Map;
import java.util.Optional;

import org.apache.camel.main.Main;

import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.simulator.zuora.FieldDefinition;
import io.github.camelsaas.simulator.zuora.ObjectDefinition;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

/**
 * Starts a simulator for each system whose credentials are not in the environment and points the route
 * placeholders at it ({@code kustomer.baseUrl}, {@code kustomer.apiKey}, {@code zuora.baseUrl},
 * {@code zuora.clientId}, {@code zuora.clientSecret}).
 */
final class EmbeddedSimulators implements AutoCloseable {

    final Optional<KustomerSimulator> kustomer;
    final Optional<ZuoraSimulator> zuora;

    private EmbeddedSimulators(Optional<KustomerSimulator> kustomer, Optional<ZuoraSimulator> zuora) {
        this.kustomer = kustomer;
        this.zuora = zuora;
    }

    /** Starts the simulators the environment has no credentials for. */
    static EmbeddedSimulators forMissingCredentials(Map<String, String> env) {
        Optional<KustomerSimulator> kustomer = Optional.empty();
        if (blank(env.get("KUSTOMER_API_KEY"))) {
            KustomerSimulator simulator = new KustomerSimulator();
            simulator.start();
            kustomer = Optional.of(simulator);
        }
        Optional<ZuoraSimulator> zuora = Optional.empty();
        if (blank(env.get("ZUORA_CLIENT_ID")) || blank(env.get("ZUORA_CLIENT_SECRET"))) {
            ZuoraSimulator simulator = new ZuoraSimulator();
            simulator.registerDefinition(orderDefinition());
            simulator.start();
            zuora = Optional.of(simulator);
        }
        return new EmbeddedSimulators(kustomer, zuora);
    }

    /** Overrides the placeholders of the simulated systems: these win over application.properties. */
    void configure(Main main) {
        kustomer.ifPresent(simulator -> {
            main.addOverrideProperty("kustomer.baseUrl", simulator.baseUrl());
            main.addOverrideProperty("kustomer.apiKey", KustomerSimulator.DEMO_API_KEY);
            System.out.println("No KUSTOMER_API_KEY set: using the embedded Kustomer simulator at "
                    + simulator.baseUrl());
        });
        zuora.ifPresent(simulator -> {
            main.addOverrideProperty("zuora.baseUrl", simulator.baseUrl());
            main.addOverrideProperty("zuora.clientId", ZuoraSimulator.DEMO_CLIENT_ID);
            main.addOverrideProperty("zuora.clientSecret", ZuoraSimulator.DEMO_CLIENT_SECRET);
            System.out.println("No ZUORA_CLIENT_ID / ZUORA_CLIENT_SECRET set: using the embedded Zuora simulator at "
                    + simulator.baseUrl());
        });
    }

    /** The custom object {@code Order} as a tenant would define it; the simulator checks records against it. */
    static ObjectDefinition orderDefinition() {
        return ObjectDefinition.builder("Order")
                .label("Order")
                .field(FieldDefinition.string("OrderId__c").required().filterable().unique())
                .field(FieldDefinition.string("CustomerId__c").required().filterable())
                .field(FieldDefinition.number("Amount__c").required())
                .field(FieldDefinition.string("Currency__c").maxLength(3))
                .field(FieldDefinition.string("Status__c").filterable())
                .field(FieldDefinition.dateTime("OrderedAt__c"))
                .field(FieldDefinition.integer("Items__c"))
                .field(FieldDefinition.string("Channel__c"))
                .field(FieldDefinition.bool("GiftWrap__c"))
                .build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public void close() {
        kustomer.ifPresent(KustomerSimulator::stop);
        zuora.ifPresent(ZuoraSimulator::stop);
    }
}
