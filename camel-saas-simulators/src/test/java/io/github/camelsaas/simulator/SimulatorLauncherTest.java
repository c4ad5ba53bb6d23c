package io.github.camelsaas.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.camelsaas.simulator.kustomer.KustomerSimulator;
import io.github.camelsaas.simulator.zuora.ZuoraSimulator;
import org.junit.jupiter.api.Test;

class SimulatorLauncherTest {

    @Test
    void parsesPortsAndRejectsNonsense() {
        assertThat(LaunchOptions.parse(new String[] { "--kustomer-port", "8081", "--zuora-port", "8082" }))
                .isEqualTo(new LaunchOptions(8081, 8082, false));
        assertThat(LaunchOptions.parse(new String[0])).isEqualTo(new LaunchOptions(0, 0, false));
        assertThat(LaunchOptions.parse(new String[] { "--help" }).help()).isTrue();
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--zuora-port" })).hasMessageContaining("needs a port");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--zuora-port", "x" })).hasMessageContaining("not a port");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] { "--port" })).hasMessageContaining("unknown argument");
    }

    @Test
    void theBannerNamesWorkingUrlsAndDemoCredentials() throws Exception {
        try (KustomerSimulator kustomer = new KustomerSimulator(); ZuoraSimulator zuora = new ZuoraSimulator()) {
            kustomer.start();
            zuora.start();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SimulatorLauncher.printBanner(new PrintStream(bytes, true, StandardCharsets.UTF_8), kustomer, zuora);
            String banner = bytes.toString(StandardCharsets.UTF_8);
            assertThat(banner).contains(kustomer.baseUrl(), zuora.baseUrl(), KustomerSimulator.DEMO_API_KEY,
                    ZuoraSimulator.DEMO_CLIENT_ID, ZuoraSimulator.DEMO_CLIENT_SECRET);

            // the curl line the banner suggests works
            HttpResponse<String> current = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(kustomer.baseUrl() + "/v1/users/current"))
                    .header("Authorization", "Bearer " + KustomerSimulator.DEMO_API_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(current.statusCode()).isEqualTo(200);
        }
    }
}
