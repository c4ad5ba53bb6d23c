package io.github.camelsaas.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application whose only Camel configuration is {@code application.yaml}: the {@code kustomer} and
 * {@code zuora-objects} components get their credentials, base URLs and limits from {@code camel.component.*}
 * properties, and {@link OrderSyncRoutes} writes each order to both systems.
 *
 * <p>Run on its own it is a one-shot demo: {@link SampleOrders} sends {@code orders.samples} made-up orders while
 * it starts, then it stops (exit code 1 if an order failed). In an application of your own,
 * {@code direct:syncOrder} is the entry point and nothing stops.
 */
@SpringBootApplication
public class OrdersApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(OrdersApplication.class, args)));
    }
}
