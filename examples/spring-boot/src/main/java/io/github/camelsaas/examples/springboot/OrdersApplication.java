package io.github.camelsaas.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application whose only Camel configuration is {@code application.yaml}: the {@code kustomer} and
 * {@code zuora-objects} components get their credentials, base URLs and limits from {@code camel.component.*}
 * properties, and {@link OrderSyncRoutes} writes each order to both systems.
 */
@SpringBootApplication
public class OrdersApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }
}
