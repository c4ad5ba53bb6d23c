package io.github.camelsaas.zuora.objects;

/** Limits Zuora documents for custom object records (developer.zuora.com, custom objects limits). */
public final class ZuoraLimits {

    /** The most records one create or batch call may carry. */
    public static final int MAX_RECORDS_PER_CALL = 1000;
    /** The largest query page. */
    public static final int MAX_PAGE_SIZE = 1000;
    /**
     * The longest text any custom field holds (a long text field; a text field holds 255), in characters: a longer
     * string can never be stored, whatever the object's definition.
     */
    public static final int MAX_TEXT_LENGTH = 8_192;
    /** Zuora's default limit of calls in flight per tenant, shared by every client of the tenant. */
    public static final int TENANT_CONCURRENCY_LIMIT = 40;

    private ZuoraLimits() {
    }
}
