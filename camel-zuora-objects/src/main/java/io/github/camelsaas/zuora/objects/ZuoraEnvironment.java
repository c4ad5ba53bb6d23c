package io.github.camelsaas.zuora.objects;

/** The Zuora environments and their REST base URLs (developer.zuora.com, "API endpoints"). */
public enum ZuoraEnvironment {
    US_PRODUCTION("https://rest.na.zuora.com"),
    US_CLOUD2_PRODUCTION("https://rest.zuora.com"),
    US_API_SANDBOX("https://rest.sandbox.na.zuora.com"),
    US_CLOUD2_API_SANDBOX("https://rest.apisandbox.zuora.com"),
    US_CENTRAL_SANDBOX("https://rest.test.zuora.com"),
    EU_PRODUCTION("https://rest.eu.zuora.com"),
    EU_API_SANDBOX("https://rest.sandbox.eu.zuora.com"),
    EU_CENTRAL_SANDBOX("https://rest.test.eu.zuora.com"),
    APAC_PRODUCTION("https://rest.ap.zuora.com"),
    APAC_CENTRAL_SANDBOX("https://rest.test.ap.zuora.com");

    private final String baseUrl;

    ZuoraEnvironment(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }
}
