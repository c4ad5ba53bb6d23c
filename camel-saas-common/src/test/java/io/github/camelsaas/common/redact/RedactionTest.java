package io.github.camelsaas.common.redact;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.camelsaas.common.redact.Redaction.MASK;
import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void maskAuthorizationKeepsTheSchemeAndHidesTheCredential() {
        assertThat(Redaction.maskAuthorization("Bearer eyJhbGciOi.payload.sig")).isEqualTo("Bearer xxxxxx");
        assertThat(Redaction.maskAuthorization("Basic dXNlcjpwYXNz")).isEqualTo("Basic xxxxxx");
        assertThat(Redaction.maskAuthorization("  Bearer   abc def ")).isEqualTo("Bearer xxxxxx");
    }

    @Test
    void maskAuthorizationWithoutSchemeMasksEverything() {
        assertThat(Redaction.maskAuthorization("rawapikey123")).isEqualTo(MASK);
        assertThat(Redaction.maskAuthorization("")).isEqualTo(MASK);
        assertThat(Redaction.maskAuthorization(null)).isNull();
    }

    @Test
    void redactHeadersMasksCredentialHeadersKeepsOthersAndOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("authorization", "Bearer tok-123456");
        headers.put("Proxy-Authorization", "Basic cHJveHk6cHc=");
        headers.put("Cookie", "session=abcdef");
        headers.put("Set-Cookie", "session=abcdef; HttpOnly");
        headers.put("X-Api-Key", "k-123456");
        headers.put("X-Auth-TOKEN", "t-123456");
        headers.put("X-Client-Secret", "s-123456");
        headers.put("X-Password", "p-123456");
        headers.put("Accept", "application/json");

        Map<String, String> redacted = Redaction.redactHeaders(headers);

        assertThat(redacted).containsExactly(
                Map.entry("Content-Type", "application/json"),
                Map.entry("authorization", "Bearer xxxxxx"),
                Map.entry("Proxy-Authorization", "Basic xxxxxx"),
                Map.entry("Cookie", MASK),
                Map.entry("Set-Cookie", MASK),
                Map.entry("X-Api-Key", MASK),
                Map.entry("X-Auth-TOKEN", MASK),
                Map.entry("X-Client-Secret", MASK),
                Map.entry("X-Password", MASK),
                Map.entry("Accept", "application/json"));
        assertThat(headers).containsEntry("authorization", "Bearer tok-123456"); // input untouched
    }

    @Test
    void redactHeadersAcceptsNull() {
        assertThat(Redaction.redactHeaders(null)).isEmpty();
    }

    @Test
    void redactTextMasksBearerTokens() {
        assertThat(Redaction.redactText("auth failed for Bearer abc.def-ghi_123, try again"))
                .isEqualTo("auth failed for Bearer xxxxxx, try again");
        assertThat(Redaction.redactText("header was 'bearer abc123'"))
                .isEqualTo("header was 'bearer xxxxxx'");
    }

    @Test
    void redactTextMasksOnlyTheTokenNotWhatFollowsIt() {
        assertThat(Redaction.redactText("<p>Bearer a-b.c_d~e+f/g==</p><p>help</p>"))
                .isEqualTo("<p>Bearer xxxxxx</p><p>help</p>");
    }

    @Test
    void redactTextMasksFormAndQueryValues() {
        assertThat(Redaction.redactText("grant_type=client_credentials&client_id=me&client_secret=s3cr%2Bet&x=1"))
                .isEqualTo("grant_type=client_credentials&client_id=me&client_secret=xxxxxx&x=1");
        assertThat(Redaction.redactText("GET https://h/p?ACCESS_TOKEN=abc&page=2 failed"))
                .isEqualTo("GET https://h/p?ACCESS_TOKEN=xxxxxx&page=2 failed");
        assertThat(Redaction.redactText("refresh_token=r1 password=p1 api_key=k1 apikey=k2"))
                .isEqualTo("refresh_token=xxxxxx password=xxxxxx api_key=xxxxxx apikey=xxxxxx");
    }

    @Test
    void redactTextLeavesLookalikeNamesAlone() {
        assertThat(Redaction.redactText("my_access_token_count=3 not_password=x"))
                .isEqualTo("my_access_token_count=3 not_password=x");
    }

    @Test
    void redactTextMasksJsonValuesIncludingEscapedQuotes() {
        String json = "{\"access_token\": \"tok\\\"en\", \"token_type\":\"bearer\",\"client_secret\":\"cs\","
                + "\"expires_in\":3599}";
        assertThat(Redaction.redactText(json)).isEqualTo(
                "{\"access_token\": \"xxxxxx\", \"token_type\":\"bearer\",\"client_secret\":\"xxxxxx\","
                        + "\"expires_in\":3599}");
    }

    @Test
    void redactTextPassesOrdinaryTextAndNull() {
        assertThat(Redaction.redactText("record 3 is invalid: name is required")).isEqualTo(
                "record 3 is invalid: name is required");
        assertThat(Redaction.redactText(null)).isNull();
        assertThat(Redaction.redactText("")).isEmpty();
    }
}
