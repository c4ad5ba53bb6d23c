package io.github.camelsaas.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BaseUrlCheckTest {

    private static final String EXAMPLE = "https://api.example.com";

    @Test
    void anHttpsUrlWithAPathIsKeptWithoutItsTrailingSlash() {
        assertThat(BaseUrlCheck.require(" https://proxy.example.com/zuora/ ", false, EXAMPLE))
                .isEqualTo("https://proxy.example.com/zuora");
        assertThat(BaseUrlCheck.require("http://127.0.0.1:8080", false, EXAMPLE)).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void userInfoIsRefusedWithoutBeingQuoted() {
        assertThatThrownBy(() -> BaseUrlCheck.require("https://ops:s3cr3t-pass@api.example.com", false, EXAMPLE))
                .hasMessageContaining("must not carry user info")
                .hasMessageContaining("'https://api.example.com'")
                .hasMessageNotContaining("s3cr3t-pass");
    }

    @Test
    void otherSchemesQueriesFragmentsAndRelativeUrlsAreRefusedNamingAnExample() {
        for (String bad : new String[] { "ftp://files.example.com", "https://api.example.com?x=1",
                "https://api.example.com#top", "api.example.com" }) {
            assertThatThrownBy(() -> BaseUrlCheck.require(bad, false, EXAMPLE)).as(bad)
                    .hasMessageStartingWith("Invalid baseUrl").hasMessageContaining("such as " + EXAMPLE);
        }
        assertThatThrownBy(() -> BaseUrlCheck.require("https://exa mple.com", false, EXAMPLE))
                .hasMessageStartingWith("Invalid baseUrl:");
    }

    @Test
    void plainHttpToAnotherHostNeedsAllowInsecureHttp() {
        assertThatThrownBy(() -> BaseUrlCheck.require("http://api.example.com", false, EXAMPLE))
                .hasMessageContaining("allowInsecureHttp=true");
        assertThat(BaseUrlCheck.require("http://api.example.com", true, EXAMPLE)).isEqualTo("http://api.example.com");
    }
}
