package io.github.camelsaas.speccheck;

import java.util.Optional;

/** The two vendor APIs and the OpenAPI description (in ../shared/specs) that describes each. */
public enum VendorApi {
    /** Kustomer: paths relative to the server's {@code /v1}. */
    KUSTOMER("kustomer-core.openapi.json", "/v1"),
    /** Zuora: token and custom objects paths at the server's root. */
    ZUORA("zuora-custom-objects.openapi.yaml", "");

    private final String specFile;
    private final String basePath;

    VendorApi(String specFile, String basePath) {
        this.specFile = specFile;
        this.basePath = basePath;
    }

    public String specFile() {
        return specFile;
    }

    public String basePath() {
        return basePath;
    }

    /** Which vendor's API a request path belongs to: Kustomer's start with /v1/, Zuora's with /oauth/ or /objects/. */
    public static Optional<VendorApi> ofPath(String path) {
        if (path.startsWith("/v1/")) {
            return Optional.of(KUSTOMER);
        }
        if (path.startsWith("/oauth/") || path.startsWith("/objects/")) {
            return Optional.of(ZUORA);
        }
        return Optional.empty();
    }
}
