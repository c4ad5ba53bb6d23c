package io.github.camelsaas.common.batch;

import java.util.Map;

/**
 * One input record on its way to the vendor: its position in the exchange's input, the record as given (what a
 * failure reports, for dead-lettering) and the body to send (the record itself, or the record plus what the
 * operation adds, such as a Kustomer bulk item's customer).
 */
public record RecordToSend(int index, Map<String, Object> record, Map<String, Object> body) {

    /** A record sent as it is. */
    public static RecordToSend of(int index, Map<String, Object> record) {
        return new RecordToSend(index, record, record);
    }

    /** The same record at another position (in a coalesced batch, say). */
    public RecordToSend withIndex(int newIndex) {
        return newIndex == index ? this : new RecordToSend(newIndex, record, body);
    }

    @Override
    public String toString() {
        // never the content: records may hold personal data
        return "RecordToSend[#" + index + "]";
    }
}
