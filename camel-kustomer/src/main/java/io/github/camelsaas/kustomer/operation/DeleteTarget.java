package io.github.camelsaas.kustomer.operation;

import io.github.camelsaas.kustomer.KustomerResource;
import io.github.camelsaas.kustomer.api.CallStats;

/**
 * One id of a delete's list body, with its place in the input and the item it came from (an id, or a record holding
 * one), which a failure reports.
 */
public record DeleteTarget(int index, Object item, String id) {

    /** What the deletes of one exchange address, and where their calls are counted. */
    public record Of(KustomerResource resource, String klass, CallStats stats) {
    }
}
