package io.github.camelsaas.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.simulator.zuora.ObjectDefinition;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;

class SimulatorLauncherTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_DEFINITIONS = "{\"definitions\": {\"Order\": {\"object\": \"Order\","
            + " \"label\": \"Order\", \"properties\": {\"OrderNumber__c\": {\"type\": \"string\", \"label\": \"Number\","
            + " \"maxLength\": 20}}, \"required\": [\"OrderNumber__c\"], \"filterable\": [\"OrderNumber__c\"]}}}";

    @TempDir
    Path dir;

    @Test
    void parsesPortsAndRejectsNonsense() {
        assertThat(LaunchOptions.parse(new String[] { "--kustomer-port", "8081", "--zuora-port", "8082" }))
                .isEqualTo(new LaunchOptions(8081, 8082, null, false, false));
        assertThat(LaunchOptions.parse(new String[] { "--kustomer-port=8081", "--zuora-port=8082" }))
                .isEqualTo(new LaunchOptions(8081, 8082, null, false, false));
        assertThat(LaunchOptions.parse(new String[0])).isEqualTo(new LaunchOptions(0, 0, null, false, false));
        assertThat(LaunchOptions.parse(new String[] { "--help" }).help()).isTrue();
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--zuora-port" })).hasMessageContaining("needs a port");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--zuora-port", "x" })).hasMessageContaining("not a port");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--zuora-port=70000" })).hasMessageContaining("not a port");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--port" })).hasMessageContaining("unknown argument");
    }

    @Test
    void parsesTheZuoraObjectOptions() {
        assertThat(LaunchOptions.parse(new String[] { "--zuora-definitions=defs.json", "--zuora-accept-any-object" }))
                .isEqualTo(new LaunchOptions(0, 0, Path.of("defs.json"), true, false));
        assertThat(LaunchOptions.parse(new String[] { "--zuora-definitions", "defs.json" }).zuoraDefinitions())
                .isEqualTo(Path.of("defs.json"));
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--zuora-definitions" }))
                .hasMessageContaining("--zuora-definitions needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--zuora-definitions=" }))
                .hasMessageContaining("needs a file name");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--zuora-accept-any-object=yes" }))
                .hasMessageContaining("takes no value");
    }

    @Test
    void theHelpNamesEveryOption() {
        assertThat(LaunchOptions.USAGE).contains("--kustomer-port", "--zuora-port", "--zuora-definitions",
                "--zuora-accept-any-object", "POST /objects/definitions/default", ZuoraSimulator.DEMO_CLIENT_ID,
                ZuoraSimulator.DEMO_CLIENT_SECRET);
    }

    @Test
    void theBannerNamesWorkingUrlsAndDemoCredentials() throws Exception {
        try (KustomerSimulator kustomer = new KustomerSimulator(); ZuoraSimulator zuora = new ZuoraSimulator()) {
            kustomer.start();
            zuora.start();
            String banner = banner(kustomer, zuora);
            assertThat(banner).contains(kustomer.baseUrl(), zuora.baseUrl(), KustomerSimulator.DEMO_API_KEY,
                    ZuoraSimulator.DEMO_CLIENT_ID, ZuoraSimulator.DEMO_CLIENT_SECRET, "Zuora objects: none defined");

            // the curl line the banner suggests works
            HttpResponse<String> current = HTTP.send(HttpRequest.newBuilder(
                    URI.create(kustomer.baseUrl() + "/v1/users/current"))
                    .header("Authorization", "Bearer " + KustomerSimulator.DEMO_API_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(current.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDefinitionsFileDefinesTheObjectsAtStart() throws Exception {
        Path file = Files.writeString(dir.resolve("defs.json"), ORDER_DEFINITIONS);
        LaunchOptions options = LaunchOptions.parse(new String[] { "--zuora-definitions=" + file });

        try (ZuoraSimulator zuora = SimulatorLauncher.zuoraSimulator(options);
                KustomerSimulator kustomer = new KustomerSimulator()) {
            zuora.start();
            kustomer.start();
            String token = token(zuora);

            HttpResponse<String> created = post(zuora, "/objects/records/default/Order", token,
                    "{\"records\": [{\"OrderNumber__c\": \"o-1\"}]}");
            HttpResponse<String> invalid = post(zuora, "/objects/records/default/Order", token,
                    "{\"records\": [{\"OrderNumber__c\": \"longer than twenty characters\"}]}");
            HttpResponse<String> unknown = post(zuora, "/objects/records/default/Invoice", token,
                    "{\"records\": [{\"Number__c\": \"i-1\"}]}");

            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            assertThat(JSON.readTree(created.body()).at("/records/0/OrderNumber__c").asText()).isEqualTo("o-1");
            assertThat(invalid.statusCode()).as("the file's maxLength holds").isEqualTo(400);
            assertThat(unknown.statusCode()).as("without accept-any-object, only defined objects").isEqualTo(400);
            assertThat(zuora.count("Order")).isEqualTo(1);
            assertThat(banner(kustomer, zuora)).contains("Zuora objects: Order;");
        }
    }

    @Test
    void aDefinitionsFileThatCannotBeUsedFailsTheStartNamingIt() throws Exception {
        Path missing = dir.resolve("missing.json");
        Path notJson = Files.writeString(dir.resolve("broken.json"), "{\"definitions\": ");
        Path refused = Files.writeString(dir.resolve("refused.json"), "{\"definitions\": {\"Order\": {\"object\":"
                + " \"Order\"}}}");

        assertThatThrownBy(() -> SimulatorLauncher.zuoraSimulator(options("--zuora-definitions=" + missing)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read " + missing);
        assertThatThrownBy(() -> SimulatorLauncher.zuoraSimulator(options("--zuora-definitions=" + notJson)))
                .hasMessageContaining(notJson.toString()).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> SimulatorLauncher.zuoraSimulator(options("--zuora-definitions=" + refused)))
                .hasMessageContaining(refused.toString()).hasMessageContaining("definitions.Order.label");
    }

    @Test
    void acceptAnyObjectDefinesAnObjectByItsFirstCreate() throws Exception {
        try (ZuoraSimulator zuora = SimulatorLauncher.zuoraSimulator(options("--zuora-accept-any-object"));
                KustomerSimulator kustomer = new KustomerSimulator()) {
            zuora.start();
            kustomer.start();
            String token = token(zuora);

            HttpResponse<String> created = post(zuora, "/objects/records/default/Invoice", token,
                    "{\"records\": [{\"Number__c\": \"i-1\", \"Total__c\": 12.5}]}");
            JsonNode definition = JSON.readTree(get(zuora, "/objects/definitions/default/Invoice", token).body());

            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            assertThat(zuora.count("Invoice")).isEqualTo(1);
            assertThat(definition.at("/schema/properties/Total__c/type").asText()).isEqualTo("number");
            assertThat(banner(kustomer, zuora)).contains("any other object is defined by its first create");
        }
    }

    @Test
    void objectsCanBeDefinedWhileItRuns() throws Exception {
        try (ZuoraSimulator zuora = SimulatorLauncher.zuoraSimulator(options())) {
            zuora.start();
            String token = token(zuora);

            HttpResponse<String> defined = post(zuora, "/objects/definitions/default", token, ORDER_DEFINITIONS);
            HttpResponse<String> created = post(zuora, "/objects/records/default/Order", token,
                    "{\"records\": [{\"OrderNumber__c\": \"o-1\"}]}");

            assertThat(defined.statusCode()).as(defined.body()).isEqualTo(200);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            assertThat(zuora.definitions()).extracting(ObjectDefinition::name).containsExactly("Order");
        }
    }

    private static LaunchOptions options(String... args) {
        return LaunchOptions.parse(args);
    }

    private static String banner(KustomerSimulator kustomer, ZuoraSimulator zuora) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SimulatorLauncher.printBanner(new PrintStream(bytes, true, StandardCharsets.UTF_8), kustomer, zuora);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String token(ZuoraSimulator zuora) throws Exception {
        String form = "client_id=" + URLEncoder.encode(ZuoraSimulator.DEMO_CLIENT_ID, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(ZuoraSimulator.DEMO_CLIENT_SECRET, StandardCharsets.UTF_8)
                + "&grant_type=client_credentials";
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(zuora.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        return JSON.readTree(reply.body()).get("access_token").asText();
    }

    private static HttpResponse<String> post(ZuoraSimulator zuora, String path, String token, String json)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(zuora.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ZuoraSimulator zuora, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(zuora.baseUrl() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
