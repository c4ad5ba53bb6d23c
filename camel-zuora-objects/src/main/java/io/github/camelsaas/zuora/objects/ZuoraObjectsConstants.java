package io.github.camelsaas.zuora.objects;

import org.apache.camel.spi.Metadata;

/** Message headers the zuora-objects: component reads and writes. */
public final class ZuoraObjectsConstants {

    @Metadata(description = "The operation to perform; overrides the endpoint's operation option for this message",
              javaType = "String")
    public static final String OPERATION = "CamelZuoraObjectsOperation";

    @Metadata(description = "The id of the record to get, update, patch or delete", javaType = "String")
    public static final String ID = "CamelZuoraObjectsId";

    private ZuoraObjectsConstants() {
    }
}
