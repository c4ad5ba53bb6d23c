package io.github.camelsaas.common.failure;

import java.util.Objects;

/**
 * One input record that did not succeed, and why.
 * <p>
 * Immutable. The record itself is kept so a route can dead-letter or resend it, but it is never part of
 * {@link #toString()} or {@link #summary()}: records may hold personal data, and these strings end up in logs and
 * exception messages. Only the position, the HTTP status, the vendor's code and the (length-bounded) message are
 * shown.
 */
public final class FailedRecord {

    /** Longest message shown by {@link #summary()}; vendor messages can be long and may echo input values. */
    static final int MAX_SHOWN_MESSAGE_LENGTH = 120;

    private final int index;
    private final Object record;
    private final Integer httpStatus;
    private final String vendorCode;
    private final String message;
    private final boolean retryable;
    private final boolean validation;

    private FailedRecord(int index, Object record, Integer httpStatus, String vendorCode, String message,
                         boolean retryable) {
        this(index, record, httpStatus, vendorCode, message, retryable, false);
    }

    private FailedRecord(int index, Object record, Integer httpStatus, String vendorCode, String message,
                         boolean retryable, boolean validation) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0 but was " + index);
        }
        this.index = index;
        this.record = record;
        this.httpStatus = httpStatus;
        this.vendorCode = vendorCode;
        this.message = Objects.requireNonNull(message, "message");
        this.retryable = retryable;
        this.validation = validation;
    }

    /**
     * A record that broke a vendor rule before anything was sent. Sending it again unchanged cannot succeed, so it
     * is not retryable.
     *
     * @param index   the record's position in the exchange's input
     * @param record  the record as given
     * @param message which rule it broke
     */
    public static FailedRecord validation(int index, Object record, String message) {
        return new FailedRecord(index, record, null, null, message, false, true);
    }

    /**
     * A record the server answered for with an error.
     *
     * @param index      the record's position in the exchange's input (or in the sent chunk, re-based later with
     *                   {@link #withIndex(int)})
     * @param record     the record as given
     * @param httpStatus the HTTP status of the response
     * @param vendorCode the vendor's error code, or {@code null} when the response had none
     * @param message    the vendor's message
     * @param retryable  whether sending it again may succeed (decided per operation by the caller)
     */
    public static FailedRecord fromResponse(int index, Object record, int httpStatus, String vendorCode,
                                            String message, boolean retryable) {
        return new FailedRecord(index, record, httpStatus, vendorCode, message, retryable);
    }

    /**
     * A record that was sent but got no response (connection failure, timeout). Whether it may be sent again
     * depends on the operation: a create that may have been applied must not be replayed blindly.
     */
    public static FailedRecord noResponse(int index, Object record, String message, boolean retryable) {
        return new FailedRecord(index, record, null, null, message, retryable);
    }

    /**
     * A record that was never sent, for a reason sending it again as-is would not fix (for example it alone
     * exceeds the request size limit).
     */
    public static FailedRecord notSent(int index, Object record, String reason) {
        return notSent(index, record, reason, false);
    }

    /**
     * A record that was never sent. {@code retryable} says whether it can be sent later unchanged (true when the
     * reason was transient, such as the producer stopping before its batch went out: the server never saw it).
     */
    public static FailedRecord notSent(int index, Object record, String reason, boolean retryable) {
        return new FailedRecord(index, record, null, null, reason, retryable);
    }

    /**
     * The same failure at another position: used to map a position in a sent chunk or batch back to the
     * caller's input index.
     */
    public FailedRecord withIndex(int newIndex) {
        return newIndex == index ? this
                : new FailedRecord(newIndex, record, httpStatus, vendorCode, message, retryable, validation);
    }

    /**
     * The same failure about the record as the caller gave it: a coalescer knows only its own wrapper around the
     * record, and a dead-letter route must get the record back, not that wrapper.
     */
    public FailedRecord withRecord(Object callerRecord) {
        return callerRecord == record ? this
                : new FailedRecord(index, callerRecord, httpStatus, vendorCode, message, retryable, validation);
    }

    /** Whether the record broke a rule checked before sending ({@link #validation}): nothing was sent for it. */
    public boolean validationFailure() {
        return validation;
    }

    /** The record's position in the exchange's input. */
    public int index() {
        return index;
    }

    /** The record as given, for dead-lettering or resending. */
    public Object record() {
        return record;
    }

    /** The HTTP status of the response, or {@code null} when there was no response. */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** The vendor's error code, or {@code null}. */
    public String vendorCode() {
        return vendorCode;
    }

    /** Why the record failed. */
    public String message() {
        return message;
    }

    /** Whether sending the record again unchanged may succeed. */
    public boolean retryable() {
        return retryable;
    }

    /**
     * A short description for logs and exception messages, such as {@code #4 (400 71012520: invalid value)}.
     * Never contains the record.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder().append('#').append(index).append(" (");
        if (httpStatus != null) {
            sb.append(httpStatus);
        }
        if (vendorCode != null) {
            if (httpStatus != null) {
                sb.append(' ');
            }
            sb.append(vendorCode);
        }
        if (httpStatus != null || vendorCode != null) {
            sb.append(": ");
        }
        return sb.append(shownMessage()).append(')').toString();
    }

    private String shownMessage() {
        if (message.length() <= MAX_SHOWN_MESSAGE_LENGTH) {
            return message;
        }
        return message.substring(0, MAX_SHOWN_MESSAGE_LENGTH) + "...";
    }

    @Override
    public String toString() {
        // The record is deliberately left out: it may hold personal data.
        return "FailedRecord[#" + index
                + ", status=" + httpStatus
                + ", code=" + vendorCode
                + ", retryable=" + retryable
                + ", message=" + shownMessage() + "]";
    }
}
