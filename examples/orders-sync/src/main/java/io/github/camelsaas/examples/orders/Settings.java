package io.github.camelsaas.examples.orders;

import java.util.Map;
import java.util.Optional;

/**
 * Where the example writes, read from the environment. Each system is real when its credentials are set and
 * simulated otherwise, so one can try Zuora for real while Kustomer stays embedded, and the other way round.
 */
record Settings(Optional<String> kustomerApiKey, String kustomerRegion,
                Optional<String> zuoraClientId, Optional<String> zuoraClientSecret, String zuoraEnvironment,
                String ordersFile, int ordersLimit) {

    static Settings fromEnvironment(Map<String, String> env) {
        return new Settings(
                nonBlank(env.get("KUSTOMER_API_KEY")),
                env.getOrDefault("KUSTOMER_REGION", "us"),
                nonBlank(env.get("ZUORA_CLIENT_ID")),
                nonBlank(env.get("ZUORA_CLIENT_SECRET")),
                env.getOrDefault("ZUORA_ENVIRONMENT", "US_API_SANDBOX"),
                env.getOrDefault("ORDERS_FILE", "classpath:orders.jsonl"),
                Integer.parseInt(env.getOrDefault("ORDERS_LIMIT", "0")));
    }

    boolean realKustomer() {
        return kustomerApiKey.isPresent();
    }

    boolean realZuora() {
        return zuoraClientId.isPresent() && zuoraClientSecret.isPresent();
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
