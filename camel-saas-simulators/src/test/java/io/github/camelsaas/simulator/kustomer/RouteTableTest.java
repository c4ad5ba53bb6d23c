package io.github.camelsaas.simulator.kustomer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.common.SimResponse;

class RouteTableTest {

    private static final Route.Handler NONE = call -> SimResponse.empty(204);

    private final RouteTable routes = new RouteTable()
            .add("GET", "/v1/klasses/{name}/{id}", null, NONE)
            .add("GET", "/v1/klasses/{name}/externalId={externalId}", null, NONE)
            .add("PUT", "/v1/klasses/{name}/{id}", null, NONE)
            .add("PUT", "/v1/klasses/{name}/bulk", null, NONE)
            .add("GET", "/v1/customers/email={email}", null, NONE);

    @Test
    void theMostSpecificTemplateWinsWhateverTheOrder() {
        assertThat(routes.match("PUT", "/v1/klasses/order/bulk")).get()
                .satisfies(m -> assertThat(m.route().name()).isEqualTo("PUT /v1/klasses/{name}/bulk"));
        assertThat(routes.match("PUT", "/v1/klasses/order/5f0000000000000000000000")).get()
                .satisfies(m -> assertThat(m.params()).containsEntry("id", "5f0000000000000000000000"));
        assertThat(routes.match("GET", "/v1/klasses/order/externalId=x")).get()
                .satisfies(m -> assertThat(m.params()).isEqualTo(Map.of("name", "order", "externalId", "x")));
    }

    @Test
    void segmentsAreDecodedOneByOneSoEncodedSlashesStayInTheValue() {
        assertThat(routes.match("GET", "/v1/klasses/order/externalId=a%2Fb%20c+d")).get()
                .satisfies(m -> assertThat(m.params()).containsEntry("externalId", "a/b c+d"));
        assertThat(routes.match("GET", "/v1/customers/email=ann%40example.com")).get()
                .satisfies(m -> assertThat(m.params()).containsEntry("email", "ann@example.com"));
        assertThat(routes.match("GET", "/v1/klasses/order/a/b")).isEmpty();
    }

    @Test
    void aPrefixWithoutValueMethodMismatchOrUnknownPathDoesNotMatch() {
        assertThat(routes.match("GET", "/v1/customers/email=")).isEmpty();
        assertThat(routes.match("DELETE", "/v1/klasses/order/5f0000000000000000000000")).isEmpty();
        assertThat(routes.match("GET", "/v2/klasses/order/1")).isEmpty();
        assertThat(routes.match("GET", "/v1/klasses/order/1/")).as("a trailing slash is ignored").isPresent();
    }
}
