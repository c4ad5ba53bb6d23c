package io.github.camelsaas.kustomer;

import org.apache.camel.spi.Metadata;

/** Message headers the kustomer: component reads and writes. */
public final class KustomerConstants {

    @Metadata(description = "The operation to perform; overrides the endpoint's operation option for this message",
              javaType = "String")
    public static final String OPERATION = "CamelKustomerOperation";

    @Metadata(description = "The id of the resource to get, update or delete; set to the created resource's id "
                            + "after a single-record create",
              javaType = "String")
    public static final String ID = "CamelKustomerId";

    @Metadata(description = "The KObject klass name; overrides the endpoint's klass option for this message",
              javaType = "String")
    public static final String KLASS = "CamelKustomerKlass";

    private KustomerConstants() {
    }
}
