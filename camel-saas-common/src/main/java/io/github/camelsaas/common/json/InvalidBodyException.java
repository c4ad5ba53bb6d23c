package io.github.camelsaas.common.json;

import java.util.OptionalInt;

/**
 * A message body that cannot be turned into JSON records. Thrown before anything is sent, with a message that
 * names the offending record (by its index in the input) and what is wrong with it.
 */
public class InvalidBodyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int recordIndex;

    /** For a problem with the body as a whole. */
    public InvalidBodyException(String message) {
        this(message, -1, null);
    }

    /**
     * @param message     says what is wrong, naming the record when there is one
     * @param recordIndex index of the offending record in the input, or -1 for the whole body
     * @param cause       the parser or mapper failure behind it, may be null
     */
    public InvalidBodyException(String message, int recordIndex, Throwable cause) {
        super(message, cause);
        this.recordIndex = recordIndex;
    }

    /** Index of the offending record in the input, empty when the body as a whole is wrong. */
    public OptionalInt recordIndex() {
        return recordIndex < 0 ? OptionalInt.empty() : OptionalInt.of(recordIndex);
    }
}
