package io.github.camelsaas.simulator.common;

/** How a simulated server counts requests against a limit. */
public enum WindowMode {
    /** At most N in any span of length W: the strictest reading, so a client that passes here passes anywhere. */
    SLIDING,
    /** At most N per window aligned on multiples of W since the epoch (what many servers actually do). */
    FIXED
}
