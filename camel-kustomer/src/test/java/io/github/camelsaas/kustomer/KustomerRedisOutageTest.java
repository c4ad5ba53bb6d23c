package io.github.camelsaas.kustomer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelsaas.common.failure.FailedRecord;
import io.github.camelsaas.common.failure.PartialFailureException;
import io.github.camelsaas.common.ratelimit.redis.RunningRedis;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The component's limits in Redis (rateLimitRedisUri), and Redis stopping mid-run: fail closed. While Redis is
 * down nothing reaches Kustomer and every record fails as retryable, naming Redis and the key; once Redis is
 * back, the same route sends again without a restart.
 */
class KustomerRedisOutageTest extends KustomerSimulatorTestSupport {

    private static final String CREATE_ROUTE = "POST /v1/customers/{id}/klasses/{name}";

    @RegisterExtension
    static final RunningRedis redis = new RunningRedis();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        KustomerComponent kustomer = camelContext.getComponent("kustomer", KustomerComponent.class);
        kustomer.setRateLimitRedisUri(redis.uri());
        // one retry, so the outage is reported within a second rather than after the default backoff series
        kustomer.getConfiguration().setMaxRetries(1);
        return camelContext;
    }

    @Test
    void whileRedisIsDownNothingIsSentAndRecordsFailRetryableThenSendingResumes() {
        String customer = createCustomer("Ada");
        assertThat(sendOrders(customer).getException()).isNull();
        assertThat(redisKeys()).as("the limits live in Redis, under the component's namespace")
                .anyMatch(key -> key.startsWith("camelsaas:kustomer:127.0.0.1:") && key.contains(":customer:"));
        long callsBefore = simulator.stats().calls(CREATE_ROUTE);

        redis.stop();
        Exchange duringOutage = sendOrders(customer);

        assertThat(simulator.stats().calls(CREATE_ROUTE)).as("calls sent while Redis was down")
                .isEqualTo(callsBefore);
        assertThat(duringOutage.getException()).isInstanceOf(PartialFailureException.class);
        List<FailedRecord> failed = ((PartialFailureException) duringOutage.getException()).getFailedRecords();
        assertThat(failed).hasSize(2).allSatisfy(record -> {
            assertThat(record.retryable()).isTrue();
            assertThat(record.httpStatus()).isNull();
            assertThat(record.message()).contains("Redis rate-limit store at " + redis.uri())
                    .contains("camelsaas:kustomer:127.0.0.1:").contains("the request was not sent");
        });

        redis.start();
        await("sending again once Redis is back").atMost(Duration.ofSeconds(15))
                .until(() -> sendOrders(customer).getException() == null);
        assertThat(simulator.stats().calls(CREATE_ROUTE)).isGreaterThanOrEqualTo(callsBefore + 2);
    }

    private Exchange sendOrders(String customer) {
        return send("kustomer:kobjects?klass=order&bulk=false",
                List.of(Map.of("title", "Order 1"), Map.of("title", "Order 2")),
                Map.of(KustomerConstants.CUSTOMER_ID, customer));
    }

    private static List<String> redisKeys() {
        try (io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(redis.uri());
             var connection = client.connect()) {
            return connection.sync().keys("camelsaas:*");
        }
    }
}
