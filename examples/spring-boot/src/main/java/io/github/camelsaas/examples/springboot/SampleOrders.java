package io.github.camelsaas.examples.springboot;

import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Sends {@code orders.samples} made-up orders (0 for none) through {@code direct:syncOrder} once the application
 * has started, one after the other. An order either system refuses stops the run with its exception, so the
 * application fails to start and exits non-zero.
 */
@Component
public class SampleOrders implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SampleOrders.class);

    private final ProducerTemplate producer;
    private final int samples;

    public SampleOrders(ProducerTemplate producer, @Value("${orders.samples:0}") int samples) {
        this.producer = producer;
        this.samples = samples;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (int n = 1; n <= samples; n++) {
            Map<?, ?> answer = producer.requestBody("direct:syncOrder", OrderMapping.sample(n), Map.class);
            LOG.debug("sample order {} synced: {}", n, answer);
        }
        if (samples > 0) {
            LOG.info("{} sample orders written to Kustomer and Zuora", samples);
        }
    }
}
