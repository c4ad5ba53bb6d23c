package io.github.camelsaas.common.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.github.camelsaas.common.async.StoppedException;
import io.github.camelsaas.common.http.HttpTransportException;
import io.github.camelsaas.common.ratelimit.RateLimitUnavailableException;
import io.github.camelsaas.common.redact.SecretRegistry;

class CallFailuresTest {

    private static final Map<String, Object> RECORD = Map.of("name", "x");
    private static final String ADVICE = "; give it an externalId";

    private final SecretRegistry secrets = new SecretRegistry();

    private FailedRecord of(Throwable failure, boolean idempotent) {
        return CallFailures.of(3, RECORD, new CompletionException(failure), idempotent, ADVICE, secrets);
    }

    private static HttpTransportException transport(boolean connectFailure) {
        return new HttpTransportException("POST", "/v1/x", connectFailure ? "connection refused" : "read timed out",
                null, connectFailure, !connectFailure);
    }

    static final class Refused extends VendorApiException {
        private final boolean notSent;

        Refused(Integer status, boolean notSent) {
            super("refused", status, "E1", null);
            this.notSent = notSent;
        }

        @Override
        public boolean isNotSent() {
            return notSent;
        }
    }

    @Test
    void whatNeverLeftIsNotSentAndRetryableEvenForACreate() {
        for (Throwable neverLeft : new Throwable[] { new StoppedException("stopped"),
                new RateLimitUnavailableException("Redis down", null), transport(true), new Refused(null, true) }) {
            FailedRecord failed = of(neverLeft, false);
            assertThat(failed.retryable()).as(neverLeft.toString()).isTrue();
            assertThat(failed.httpStatus()).isNull();
            assertThat(failed.index()).isEqualTo(3);
            assertThat(failed.record()).isSameAs(RECORD);
        }
    }

    @Test
    void aLostAnswerIsRetryableOnlyForAnIdempotentCallAndACreateSaysWhy() {
        assertThat(of(transport(false), true).retryable()).isTrue();
        assertThat(of(transport(false), true).message()).doesNotContain(ADVICE);
        FailedRecord create = of(transport(false), false);
        assertThat(create.retryable()).isFalse();
        assertThat(create.message()).contains("read timed out").endsWith(ADVICE);
    }

    @Test
    void anErrorAnswerKeepsItsStatusAndCodeAndIsRetryableAsTheStatusSays() {
        assertThat(of(new Refused(401, false), true)).satisfies(failed -> {
            assertThat(failed.httpStatus()).isEqualTo(401);
            assertThat(failed.vendorCode()).isEqualTo("E1");
            assertThat(failed.retryable()).isFalse();
        });
        assertThat(of(new Refused(429, false), false).retryable()).isTrue();
        assertThat(of(new Refused(503, false), true).retryable()).isTrue();
        assertThat(of(new Refused(503, false), false).retryable()).isFalse();
    }

    @Test
    void anythingElseIsNamedByItsClassAndNotRetryable() {
        FailedRecord failed = of(new IllegalStateException("bug"), true);
        assertThat(failed.message()).isEqualTo("IllegalStateException: bug");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void theMessageIsRedacted() {
        secrets.register("s3cr3t-token-value");
        assertThat(of(new IllegalStateException("token s3cr3t-token-value refused"), true).message())
                .doesNotContain("s3cr3t-token-value");
    }
}
