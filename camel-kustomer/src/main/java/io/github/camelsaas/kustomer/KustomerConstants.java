package io.github.camelsaas.kustomer;

import org.apache.camel.spi.Metadata;

/** Message headers the kustomer: component reads and writes. */
public final class KustomerConstants {

    @Metadata(description = "The operation to perform; overrides the endpoint's operation option for this message",
              javaType = "String")
    public static final String OPERATION = "CamelKustomerOperation";

    @Metadata(description = "The id of the resource to get, update or delete; set to the resource's id after a "
                            + "single-record create, update, upsert or get",
              javaType = "String")
    public static final String ID = "CamelKustomerId";

    @Metadata(description = "The KObject klass name; overrides the endpoint's klass option for this message",
              javaType = "String")
    public static final String KLASS = "CamelKustomerKlass";

    @Metadata(description = "The external id to look up (getByExternalId, and upsert of a single record); otherwise "
                            + "the record's externalId is used",
              javaType = "String")
    public static final String EXTERNAL_ID = "CamelKustomerExternalId";

    @Metadata(description = "The email to look a customer up by (getByEmail, and upsert of a single customer "
                            + "without external id); otherwise the record's first emails[].email is used",
              javaType = "String")
    public static final String EMAIL = "CamelKustomerEmail";

    @Metadata(description = "The customer a created KObject, conversation or message belongs to (sent through the "
                            + "customer-scoped path; the record's customer otherwise), and the key of the "
                            + "per-customer create limit (for notes too)",
              javaType = "String")
    public static final String CUSTOMER_ID = "CamelKustomerCustomerId";

    @Metadata(description = "The failed records of a list body (List<FailedRecord>, in input order), set when "
                            + "failOnPartialFailure is false",
              javaType = "java.util.List<io.github.camelsaas.common.failure.FailedRecord>")
    public static final String FAILED_RECORDS = "CamelKustomerFailedRecords";

    @Metadata(description = "How many requests the message took (retries and lookups included; for a coalesced "
                            + "create, the calls of the bulk it rode in)",
              javaType = "Integer")
    public static final String REQUEST_COUNT = "CamelKustomerRequestCount";

    @Metadata(description = "The org's remaining requests in the current window, from the last answer's "
                            + "x-ratelimit-remaining",
              javaType = "Integer")
    public static final String RATE_LIMIT_REMAINING = "CamelKustomerRateLimitRemaining";

    @Metadata(description = "The ids of the bulk jobs Kustomer answered for a list body written in bulk (a bulk job "
                            + "can be read at /v1/bulk/{id})",
              javaType = "java.util.List<String>")
    public static final String BULK_JOB_IDS = "CamelKustomerBulkJobIds";

    @Metadata(description = "The page to read with the list operation (1 for the first)", javaType = "Integer")
    public static final String PAGE = "CamelKustomerPage";

    @Metadata(description = "The page size of the list operation (default 100)", javaType = "Integer")
    public static final String PAGE_SIZE = "CamelKustomerPageSize";

    @Metadata(description = "After list: the number of the next page, absent on the last page", javaType = "Integer")
    public static final String NEXT_PAGE = "CamelKustomerNextPage";

    private KustomerConstants() {
    }
}
