package io.github.camelsaas.common.redact;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRegistryTest {

    private final SecretRegistry registry = new SecretRegistry();

    @Test
    void masksEveryOccurrenceOfARegisteredSecret() {
        registry.register("k-9f8e7d6c");

        String text = "invalid key k-9f8e7d6c (you sent k-9f8e7d6c)";

        assertThat(registry.redact(text)).isEqualTo("invalid key xxxxxx (you sent xxxxxx)");
    }

    @Test
    void masksAnExceptionMessageThatEchoesTheSecret() {
        registry.register("zuora-client-secret-42");
        Exception serverEcho = new IllegalStateException(
                "401 from server: {\"message\":\"bad credentials zuora-client-secret-42\"}");

        assertThat(registry.redact(serverEcho.getMessage()))
                .isEqualTo("401 from server: {\"message\":\"bad credentials xxxxxx\"}")
                .doesNotContain("zuora-client-secret-42");
    }

    @Test
    void masksTheUrlEncodedFormOfASecret() {
        registry.register("a+b/c=d&e");

        assertThat(registry.redact("client_id=x&y=a%2Bb%2Fc%3Dd%26e")).isEqualTo("client_id=x&y=xxxxxx");
    }

    @Test
    void longerSecretIsMaskedWholeEvenWhenItContainsAShorterOne() {
        registry.register("abcdef");
        registry.register("abcdef-123456");

        assertThat(registry.redact("token abcdef-123456 end")).isEqualTo("token xxxxxx end");
    }

    @Test
    void ignoresNullBlankAndShortValues() {
        registry.register(null);
        registry.register("   ");
        registry.register("abc");
        registry.register("  abc  ");

        assertThat(registry.size()).isZero();
        assertThat(registry.redact("abc abc")).isEqualTo("abc abc");
    }

    @Test
    void unregisterForgetsASecret() {
        registry.register("old-token-123");
        registry.register("new-token-456");

        registry.unregister("old-token-123");

        assertThat(registry.redact("old-token-123 new-token-456")).isEqualTo("old-token-123 xxxxxx");
    }

    @Test
    void redactAcceptsNullAndEmpty() {
        registry.register("secret-value");
        assertThat(registry.redact(null)).isNull();
        assertThat(registry.redact("")).isEmpty();
    }

    @Test
    void toStringNeverShowsValues() {
        registry.register("secret-value");
        assertThat(registry.toString()).doesNotContain("secret-value");
    }

    @Test
    void concurrentRegistrationLosesNothing() throws Exception {
        CompletableFuture<?>[] writers = IntStream.range(0, 8)
                .mapToObj(t -> CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 100; i++) {
                        registry.register("secret-" + t + "-" + i);
                        registry.redact("secret-0-0");
                    }
                }))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(writers).get(10, TimeUnit.SECONDS);

        assertThat(registry.size()).isEqualTo(800);
        assertThat(registry.redact("secret-7-99")).isEqualTo(Redaction.MASK);
    }
}
