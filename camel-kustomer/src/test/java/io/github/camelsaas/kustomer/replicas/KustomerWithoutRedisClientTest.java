package io.github.camelsaas.kustomer.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.camelsaas.common.testsupport.Replicas;
import org.junit.jupiter.api.Test;

/**
 * lettuce-core is an optional dependency: an application that sets rateLimitRedisUri without it must be told what
 * to add when the route starts, not fail later with a NoClassDefFoundError. Run in a JVM whose classpath lacks it.
 */
class KustomerWithoutRedisClientTest {

    @Test
    void rateLimitRedisUriWithoutLettuceFailsTheStartSayingWhatToAdd() throws Exception {
        List<String> outputs;
        try (Replicas replica = Replicas.start(1, ReplicaMain.class, entry -> !entry.contains("lettuce-core"),
                replicaIndex -> new String[] { "http://127.0.0.1:9", "warm-up", "1", "20", "100000", "1000",
                        "redis://127.0.0.1:6379/0", "customer" })) {
            replica.awaitReadyAndGo(30);
            outputs = replica.awaitOutputs(30);
        }

        assertThat(outputs.get(0)).startsWith("FAILED")
                .contains("rateLimitRedisUri needs the Redis client: add io.lettuce:lettuce-core")
                .doesNotContain("NoClassDefFoundError");
    }
}
