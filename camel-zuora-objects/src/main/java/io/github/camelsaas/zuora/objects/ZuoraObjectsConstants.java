package io.github.camelsaas.zuora.objects;

import org.apache.camel.spi.Metadata;

/** Message headers the zuora-objects: component reads and writes. */
public final class ZuoraObjectsConstants {

    @Metadata(description = "The operation to perform; overrides the endpoint's operation option for this message",
              javaType = "String")
    public static final String OPERATION = "CamelZuoraObjectsOperation";

    @Metadata(description = "The id of the record to get, update, patch or delete", javaType = "String")
    public static final String ID = "CamelZuoraObjectsId";

    @Metadata(description = "The query filter (Zuora's q parameter); overrides the endpoint's filter option for "
                            + "this message",
              javaType = "String")
    public static final String FILTER = "CamelZuoraObjectsFilter";

    @Metadata(description = "In: the Zuora-Track-Id to send, overriding the endpoint's trackId option (at most 64 "
                            + "US-ASCII characters, no colon, semicolon, double quote or quote). Out: the track id "
                            + "Zuora echoed back",
              javaType = "String")
    public static final String TRACK_ID = "CamelZuoraObjectsTrackId";

    @Metadata(description = "How many API calls the message took, retries included (token "
                                                + "calls not counted)",
              javaType = "Integer")
    public static final String REQUEST_COUNT = "CamelZuoraObjectsRequestCount";

    @Metadata(description = "The Zuora-Request-Id of the last answer, to quote to Zuora support", javaType = "String")
    public static final String REQUEST_ID = "CamelZuoraObjectsRequestId";

    @Metadata(description = "The records that failed, each with its input index, when failOnPartialFailure is "
                            + "false and some records failed",
              javaType = "java.util.List<io.github.camelsaas.common.failure.FailedRecord>")
    public static final String FAILED_RECORDS = "CamelZuoraObjectsFailedRecords";

    private ZuoraObjectsConstants() {
    }
}
