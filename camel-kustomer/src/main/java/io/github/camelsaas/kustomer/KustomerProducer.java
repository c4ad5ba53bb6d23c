package io.github.camelsaas.kustomer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/** Skeleton: the operations arrive with the kustomer: component issue. */
public class KustomerProducer extends DefaultAsyncProducer {

    public KustomerProducer(KustomerEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        exchange.setException(new UnsupportedOperationException(
                "The kustomer: producer has no operations yet; they arrive with the kustomer: component issue"));
        callback.done(true);
        return true;
    }
}
