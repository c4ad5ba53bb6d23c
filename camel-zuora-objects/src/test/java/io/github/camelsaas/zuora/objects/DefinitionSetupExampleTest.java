package io.github.camelsaas.zuora.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camelsaas.simulator.zuora.ObjectDefinition;
import io.github.camelsaas.simulator.zuora.ZuoraRoute;

/**
 * The component page's example "Set up the object a route writes" (its Java route, with its JSON file in
 * {@code src/test/resources/zuora}): the object is created when missing, left alone when defined.
 */
class DefinitionSetupExampleTest extends ZuoraTestSupport {

    private void addTheExamplesSetupRoute() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // component page example: start
                from("timer:setup?repeatCount=1")
                    .to("zuora-objects:Vehicle?operation=describe")
                    .filter(body().isNull())
                        .setBody(simple("resource:classpath:zuora/vehicle-definition.json"))
                        .to("zuora-objects:Vehicle?operation=createDefinitions")
                        .log("defined ${body[0][type]}");
                // component page example: end
            }
        });
    }

    @Test
    void aMissingObjectIsDefinedFromTheFileAndThenTakesRecords() throws Exception {
        addTheExamplesSetupRoute();

        await().atMost(Duration.ofSeconds(10)).until(() -> calls(ZuoraRoute.CREATE_DEFINITIONS) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> context.getInflightRepository().size() == 0);

        assertThat(zuora.definitions()).extracting(ObjectDefinition::name).contains("Vehicle");
        assertThat(send("zuora-objects:Vehicle", Map.of("DeviceId__c", "V-1", "Seats__c", 4)).getException())
                .isNull();
        assertThat(send("zuora-objects:Vehicle", Map.of("Seats__c", 4)).getException())
                .as("the file's required field holds").hasMessageContaining("DeviceId__c");
    }

    @Test
    void aDefinedObjectIsLeftAlone() throws Exception {
        zuora.registerObject("Vehicle");

        addTheExamplesSetupRoute();

        await().atMost(Duration.ofSeconds(10)).until(() -> calls(ZuoraRoute.GET_DEFINITION) == 1
                && context.getInflightRepository().size() == 0);
        assertThat(calls(ZuoraRoute.CREATE_DEFINITIONS)).isZero();
    }
}
