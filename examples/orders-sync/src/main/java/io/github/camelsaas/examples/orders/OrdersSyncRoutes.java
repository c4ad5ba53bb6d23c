package io.github.camelsaas.examples.orders;

import org.apache.camel.builder.RouteBuilder;

/**
 * The three writes of the example, one line of route code each: the components do the auth, the throttling and
 * the batching. Failed records do not fail the exchange here (failOnPartialFailure=false): they come back in a
 * header, so the run can count them and go on.
 */
final class OrdersSyncRoutes extends RouteBuilder {

    static final String UPSERT_CUSTOMERS = "direct:upsert-customers";
    static final String CREATE_KOBJECTS = "direct:create-order-kobjects";
    static final String CREATE_ZUORA_RECORDS = "direct:create-zuora-orders";

    @Override
    public void configure() {
        from(UPSERT_CUSTOMERS).routeId("upsert-customers")
                .to("kustomer:customers?operation=upsert&failOnPartialFailure=false");

        from(CREATE_KOBJECTS).routeId("create-order-kobjects")
                .to("kustomer:kobjects?klass=" + OrderMapping.KLASS + "&failOnPartialFailure=false");

        from(CREATE_ZUORA_RECORDS).routeId("create-zuora-orders")
                .to("zuora-objects:" + OrderMapping.ZUORA_OBJECT + "?failOnPartialFailure=false");
    }
}
