package io.github.camelsaas.simulator.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the vendors' OpenAPI descriptions are: the directory in the system property {@code camelsaas.specs.dir}
 * (the pom points it at {@code ../shared/specs} beside the repository). A test that needs a description is skipped,
 * not failed, when it is missing, and the skip message says which file and where it was looked for.
 */
public final class SpecsDir {

    public static final String PROPERTY = "camelsaas.specs.dir";

    private SpecsDir() {
    }

    /** The description {@code fileName}; aborts (skips) the calling test when it is not there. */
    public static Path require(String fileName) {
        String dir = System.getProperty(PROPERTY);
        Path file = dir == null ? null : Path.of(dir, fileName);
        assumeTrue(file != null && Files.isRegularFile(file), () -> "OpenAPI description " + fileName + " not found ("
                + (file == null ? "system property " + PROPERTY + " not set" : file + " missing")
                + "): conformance checks skipped");
        return file;
    }
}
