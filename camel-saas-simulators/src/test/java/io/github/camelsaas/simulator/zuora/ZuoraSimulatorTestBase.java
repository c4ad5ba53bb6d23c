package io.github.camelsaas.simulator.zuora;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One simulator per test class (starting a server per test is slow), reset to a known state before each test. */
abstract class ZuoraSimulatorTestBase {

    static final String VEHICLE = "Vehicle";
    static final String RECORDS = "/objects/records/default/";

    /** The definition most tests use: one field of each type, with the constraints the validation tests hit. */
    static ObjectDefinition vehicleDefinition() {
        return ObjectDefinition.builder(VEHICLE)
                .label("Vehicle")
                .field(FieldDefinition.string("DeviceId__c").maxLength(20).required().filterable())
                .field(FieldDefinition.integer("Seats__c").filterable())
                .field(FieldDefinition.number("Price__c").filterable())
                .field(FieldDefinition.bool("Electric__c").filterable())
                .field(FieldDefinition.date("Registered__c"))
                .field(FieldDefinition.dateTime("LastSeen__c"))
                .field(FieldDefinition.string("Vin__c").unique())
                .field(FieldDefinition.string("Notes__c"))
                .build();
    }

    static ZuoraSimulator zuora;
    ZuoraTestClient client;

    @BeforeAll
    static void startSimulator() {
        zuora = new ZuoraSimulator();
        zuora.start();
    }

    @AfterAll
    static void stopSimulator() {
        zuora.stop();
    }

    @BeforeEach
    void freshSimulator() {
        zuora.resetAll();
        zuora.registerDefinition(vehicleDefinition());
        client = new ZuoraTestClient(zuora);
    }

    /** A valid vehicle record. */
    static Map<String, Object> vehicle(String deviceId) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("DeviceId__c", deviceId);
        return record;
    }

    static List<Map<String, Object>> vehicles(int count, String prefix) {
        List<Map<String, Object>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(vehicle(prefix + i));
        }
        return records;
    }

    static Map<String, Object> with(Map<String, Object> record, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        copy.put(field, value);
        return copy;
    }
}
