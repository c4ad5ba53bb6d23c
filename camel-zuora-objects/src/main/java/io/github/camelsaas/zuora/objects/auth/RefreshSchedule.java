package io.github.camelsaas.zuora.objects.auth;

/**
 * When a cached token is replaced: {@code margin} before it expires, so no call goes out with a token about to
 * lapse; but halfway through its life when it lives less than twice the margin, so a short-lived token (a
 * sandbox, a test) is still used for a while instead of being fetched for every call.
 */
final class RefreshSchedule {

    private RefreshSchedule() {
    }

    /** How long after issue a token of {@code lifetimeMillis} is replaced. */
    static long useForMillis(long lifetimeMillis, long marginMillis) {
        if (lifetimeMillis <= 0) {
            return 0;
        }
        if (lifetimeMillis < 2 * marginMillis) {
            return lifetimeMillis / 2;
        }
        return lifetimeMillis - marginMillis;
    }
}
