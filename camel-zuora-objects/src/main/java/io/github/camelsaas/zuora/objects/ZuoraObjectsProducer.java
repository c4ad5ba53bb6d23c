package io.github.camelsaas.zuora.objects;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/** Skeleton: the operations arrive with the zuora-objects: component issue. */
public class ZuoraObjectsProducer extends DefaultAsyncProducer {

    public ZuoraObjectsProducer(ZuoraObjectsEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        exchange.setException(new UnsupportedOperationException(
                "The zuora-objects: producer has no operations yet; they arrive with the zuora-objects: component issue"));
        callback.done(true);
        return true;
    }
}
