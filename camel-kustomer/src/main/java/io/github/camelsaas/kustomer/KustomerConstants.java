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
                            + "per-customer create limit (for notes too); the customer whose KObjects, conversations "
                            + "or messages to list",
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

    @Metadata(description = "The ids of the bulk jobs Kustomer answered for a list body written or deleted in bulk (a "
                            + "bulk job can be read at /v1/bulk/{id})",
              javaType = "java.util.List<String>")
    public static final String BULK_JOB_IDS = "CamelKustomerBulkJobIds";

    @Metadata(description = "The conversation whose messages or notes to list (GET /v1/conversations/{id}/messages "
                            + "or /notes)",
              javaType = "String")
    public static final String CONVERSATION_ID = "CamelKustomerConversationId";

    @Metadata(description = "The company whose KObjects to list (GET /v1/companies/{id}/klasses/{klass})",
              javaType = "String")
    public static final String COMPANY_ID = "CamelKustomerCompanyId";

    @Metadata(description = "The page to read with the list operation (1 for the first; a page after the first only on "
                            + "lists whose path takes page); after list, the page read (Kustomer's meta.page)",
              javaType = "Integer")
    public static final String PAGE = "CamelKustomerPage";

    @Metadata(description = "The page size of the list operation, overriding the pageSize option (only on lists whose "
                            + "path takes pageSize); after list, the page size of the answer (meta.pageSize)",
              javaType = "Integer")
    public static final String PAGE_SIZE = "CamelKustomerPageSize";

    @Metadata(description = "After list: the number of the next page, absent on the last page", javaType = "Integer")
    public static final String NEXT_PAGE = "CamelKustomerNextPage";

    @Metadata(description = "After list: Kustomer's link to the next page (links.next), absent on the last page; on a "
                            + "list message, the page to read (it must be a page of the same list; page and pageSize "
                            + "then come from the link)",
              javaType = "String")
    public static final String NEXT_PAGE_LINK = "CamelKustomerNextPageLink";

    @Metadata(description = "After list: how many records the whole list holds, when Kustomer says (meta.total, "
                            + "customers)",
              javaType = "Integer")
    public static final String TOTAL = "CamelKustomerTotal";

    @Metadata(description = "After list: how many pages the whole list has, when Kustomer says (meta.totalPages, "
                            + "customers)",
              javaType = "Integer")
    public static final String TOTAL_PAGES = "CamelKustomerTotalPages";

    @Metadata(description = "Further query parameters of a list by name, e.g. fromDate, sort, include, filter: only "
                            + "those Kustomer's API declares for the list's path (others fail before sending, naming "
                            + "those allowed)",
              javaType = "java.util.Map<String, Object>")
    public static final String LIST_PARAMETERS = "CamelKustomerListParameters";

    private KustomerConstants() {
    }
}
