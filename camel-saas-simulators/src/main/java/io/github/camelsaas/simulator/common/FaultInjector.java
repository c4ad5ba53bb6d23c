package io.github.camelsaas.simulator.common;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Faults set by a test: queued ("the next N calls to paths matching P answer F", each firing exactly its count,
 * first queued first), for a period ("every call to P for the next D answers F": a storm) or at random ("each call
 * to P answers one of F1..Fn with probability p", from a seeded generator, for load runs). Queued faults go first,
 * then periods, then random ones. Thread-safe.
 */
public final class FaultInjector {

    /** Every matching call until a deadline. */
    private record Period(Pattern path, Fault fault, long untilNanos) {
    }

    /** Each matching call with a probability, one of several faults. */
    private record Chance(Pattern path, double rate, List<Fault> faults) {
    }

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
    private final List<Period> periods = new ArrayList<>();
    private final List<Chance> chances = new ArrayList<>();
    private Random random = new Random(0);
    private long randomFired;

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

    /** Every call whose path matches gets {@code fault} for the next {@code period}: a storm. */
    public synchronized void failFor(String pathRegex, Duration period, Fault fault) {
        periods.add(new Period(Pattern.compile(pathRegex), fault, System.nanoTime() + period.toNanos()));
    }

    /**
     * Until {@link #reset()}, each call whose path matches gets, with probability {@code rate}, one of
     * {@code faults} (equally likely). The draws come from one generator seeded with {@code seed} (a later call
     * reseeds it), so a run's sequence of faults is reproducible for a given order of calls.
     */
    public synchronized void failRandomly(String pathRegex, double rate, long seed, List<Fault> faults) {
        if (rate < 0 || rate > 1 || faults.isEmpty()) {
            throw new IllegalArgumentException("rate must be within [0, 1] and at least one fault given");
        }
        random = new Random(seed);
        chances.add(new Chance(Pattern.compile(pathRegex), rate, List.copyOf(faults)));
    }

    /** How many random faults fired since the last reset. */
    public synchronized long randomFaultsFired() {
        return randomFired;
    }

    /** Takes the fault for this call, if one is set for its path. */
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
        long now = System.nanoTime();
        periods.removeIf(period -> now - period.untilNanos() >= 0);
        for (Period period : periods) {
            if (period.path().matcher(path).matches()) {
                return Optional.of(period.fault());
            }
        }
        for (Chance chance : chances) {
            if (chance.path().matcher(path).matches() && random.nextDouble() < chance.rate()) {
                randomFired++;
                return Optional.of(chance.faults().get(random.nextInt(chance.faults().size())));
            }
        }
        return Optional.empty();
    }

    /** How many queued fault firings are left (periods and random faults not counted). */
    public synchronized int pending() {
        return rules.stream().mapToInt(r -> r.remaining).sum();
    }

    public synchronized void reset() {
        rules.clear();
        periods.clear();
        chances.clear();
        randomFired = 0;
    }
}
