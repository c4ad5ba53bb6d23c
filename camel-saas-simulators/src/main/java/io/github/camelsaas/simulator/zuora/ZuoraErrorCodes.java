package io.github.camelsaas.simulator.zuora;

/**
 * The error codes the simulator answers. Custom objects codes are 8 digits: resource code {@code 710125} and a
 * two-digit category (Zuora's "Custom Objects API error code" reference). The simulator uses that resource code
 * for records and definitions alike; where Zuora documents no code (authentication, limits), the code chosen is
 * said on the constant.
 */
public final class ZuoraErrorCodes {

    /** Invalid format or value: an empty string, a value too long, a bad date, a call over 1,000 records. */
    public static final int INVALID_VALUE = 71012520;
    /** A field the object's definition does not have. */
    public static final int UNKNOWN_FIELD = 71012521;
    /** A required field missing or null. */
    public static final int MISSING_REQUIRED_FIELD = 71012522;
    public static final int INVALID_INTEGER = 71012523;
    public static final int INVALID_NUMBER = 71012524;
    public static final int INVALID_BOOLEAN = 71012525;
    public static final int INVALID_STRING = 71012526;
    /** A rule of the definition broken across records: the simulator uses it for a duplicate unique value. */
    public static final int RULE_VIOLATION = 71012530;
    /** A record or definition that does not exist. */
    public static final int NOT_FOUND = 71012540;
    /** Internal error: the simulator answers it when it fails itself (a bug worth reporting). */
    public static final int INTERNAL_ERROR = 71012560;
    /** Internal error or database throttling: retry the records listed in {@code details[].record}. */
    public static final int RETRY_RECORDS = 71012561;
    /** Request exceeded a limit (rate or concurrency): category 70 of Zuora's error categories. */
    public static final int LIMIT_EXCEEDED = 71012570;
    /** Invalid or expired credentials: Zuora's general authentication error code (its error-codes guide). */
    public static final int AUTHENTICATION_FAILED = 90000011;

    private ZuoraErrorCodes() {
    }
}
