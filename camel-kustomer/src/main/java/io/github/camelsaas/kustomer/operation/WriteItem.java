package io.github.camelsaas.kustomer.operation;

import java.util.Map;

/**
 * One record to write: its position in the exchange's input, the record as given (what a failure reports) and the
 * body to send (the record, plus the header's customer for a bulk item).
 */
record WriteItem(int index, Map<String, Object> record, Map<String, Object> body) {

    WriteItem withIndex(int newIndex) {
        return new WriteItem(newIndex, record, body);
    }

    @Override
    public String toString() {
        // never the content: records may hold personal data
        return "WriteItem[#" + index + "]";
    }
}
