package io.github.camelsaas.speccheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * One validator per vendor, built once per JVM from the description in the directory of the system property
 * {@code camelsaas.specs.dir} (the parent pom points it at ../shared/specs), with {@link SpecQuirks} applied. A missing
 * description fails loudly: a check that silently did not run would prove nothing.
 */
final class SpecValidators {

    static final String SPECS_DIR = "camelsaas.specs.dir";

    private static final Map<VendorApi, OpenApiInteractionValidator> validators = new EnumMap<>(VendorApi.class);

    private SpecValidators() {
    }

    static synchronized OpenApiInteractionValidator of(VendorApi api) {
        return validators.computeIfAbsent(api, SpecValidators::build);
    }

    private static OpenApiInteractionValidator build(VendorApi api) {
        JsonNode description = read(specFile(api));
        SpecQuirks.patch(api, description);
        return OpenApiInteractionValidator.createForInlineApiSpecification(description.toString())
                .withBasePathOverride(api.basePath().isEmpty() ? "/" : api.basePath())
                .build();
    }

    private static Path specFile(VendorApi api) {
        String dir = System.getProperty(SPECS_DIR);
        Path file = dir == null ? null : Path.of(dir, api.specFile());
        // a module built on its own sees its own directory as the project's: look beside each of its ancestors
        for (Path at = Path.of("").toAbsolutePath(); (file == null || !Files.isRegularFile(file)) && at != null;
                at = at.getParent()) {
            Path candidate = at.resolve("shared/specs").resolve(api.specFile());
            if (Files.isRegularFile(candidate)) {
                file = candidate;
            }
        }
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalStateException("The OpenAPI description " + api.specFile() + " is needed to check "
                    + "requests and answers, and was not found ("
                    + (file == null ? "system property " + SPECS_DIR + " is not set" : file + " is missing")
                    + "); put the project's shared directory beside the repository (../shared/specs)");
        }
        return file;
    }

    private static JsonNode read(Path file) {
        try {
            ObjectMapper reader = file.toString().endsWith(".yaml") ? new ObjectMapper(new YAMLFactory())
                    : new ObjectMapper();
            return reader.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
