package io.github.camelsaas.simulator.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Faults queued by a test: "the next N calls (to paths matching P) answer F". Each queued fault fires exactly
 * its count, first queued first. Thread-safe.
 */
public final class FaultInjector {

    private static final class Rule {
        final Pattern path;
        final Fault fault;
        int remaining;

        Rule(Pattern path, Fault fault, int remaining) {
            this.path = path;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Deque<Rule> rules = new ArrayDeque<>();

    /** The next {@code count} calls, whatever their path, get {@code fault}. */
    public void failNext(int count, Fault fault) {
        failNext(".*", count, fault);
    }

    /** The next {@code count} calls whose path matches the regular expression get {@code fault}. */
    public synchronized void failNext(String pathRegex, int count, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        rules.addLast(new Rule(Pattern.compile(pathRegex), fault, count));
    }

    /** Takes the fault for this call, if one is queued for its path. */
    public synchronized Optional<Fault> next(String path) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule rule = it.next();
            if (rule.path.matcher(path).matches()) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    /** How many fault firings are still queued. */
    public synchronized int pending() {
        return rules.stream().mapToInt(r -> r.remaining).sum();
    }

    public synchronized void reset() {
        rules.clear();
    }
}
