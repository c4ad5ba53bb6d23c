package io.github.camelsaas.zuora.objects.operation;

import java.util.Map;

/**
 * A record on its way to Zuora and its position in the message, so any answer about it settles the right input
 * index.
 *
 * @param index  the record's position in the message's input
 * @param record the record as sent
 */
record PendingRecord(int index, Map<String, Object> record) {

    @Override
    public String toString() {
        // never the record: it may hold personal data
        return "PendingRecord[#" + index + "]";
    }
}
