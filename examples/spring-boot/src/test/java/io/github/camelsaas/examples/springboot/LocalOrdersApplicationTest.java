package io.github.camelsaas.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the README's {@code spring-boot:test-run} command runs. */
class LocalOrdersApplicationTest {

    @Test
    void theSampleOrdersLandInBothSimulators() {
        LocalOrdersApplication.Summary summary = LocalOrdersApplication.run("--orders.samples=4");

        assertThat(summary.kobjects()).isEqualTo(4);
        assertThat(summary.kustomerCalls()).isEqualTo(4); // one create each
        assertThat(summary.zuoraRecords()).extracting(record -> record.get("OrderNumber__c"))
                .containsExactlyInAnyOrder("SO-00001", "SO-00002", "SO-00003", "SO-00004");
        assertThat(summary.tooManyRequests()).isZero();
    }
}
