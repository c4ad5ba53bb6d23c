package io.github.camelsaas.speccheck;

import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails (with {@value #ENFORCE}) the test during which a checked exchange broke the vendor's description (registered for every test through
 * JUnit's extension autodetection, which the parent pom switches on). A test marked {@link OffSpecRequests} sends such
 * requests on purpose: its violations are counted, not failed.
 */
public final class SpecCheckExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** {@code -Dcamelsaas.specs.enforce=true} fails the test; otherwise violations are only written to the summary. */
    static final String ENFORCE = "camelsaas.specs.enforce";

    @Override
    public void beforeAll(ExtensionContext context) {
        settle(context, "before " + context.getDisplayName() + " started (late exchanges of the previous class)",
                false);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        boolean onPurpose = context.getElement().map(SpecCheckExtension::offSpec).orElse(false)
                || context.getTestClass().map(SpecCheckExtension::offSpec).orElse(false);
        settle(context, context.getDisplayName(), onPurpose);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        settle(context, context.getDisplayName() + " (outside its tests)",
                context.getTestClass().map(SpecCheckExtension::offSpec).orElse(false));
    }

    private static void settle(ExtensionContext context, String when, boolean onPurpose) {
        List<String> violations = SpecViolations.drain();
        if (violations.isEmpty()) {
            return;
        }
        if (onPurpose) {
            SpecViolations.intended(violations.size());
            return;
        }
        if (!Boolean.getBoolean(ENFORCE)) {
            // report mode until the suite's known violations are mended (issue 15): counted in the summary only
            SpecViolations.reported(violations);
            return;
        }
        SpecViolations.failed(violations.size());
        throw new AssertionError(violations.size() + " exchange(s) broke the vendor's OpenAPI description " + when
                + " (allowed quirks: camel-saas-spec-check SpecQuirks):\n  " + String.join("\n  ", violations));
    }

    private static boolean offSpec(AnnotatedElement element) {
        return Optional.ofNullable(element.getAnnotation(OffSpecRequests.class)).isPresent();
    }
}
