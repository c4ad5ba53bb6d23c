package io.github.camelsaas.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A seeded random workload driven against a backend on a clock set by hand: requests of one or several permits,
 * with latencies from none to two windows, some never sent (given back), some whose holder never ends them (a
 * replica that died). Each request "arrives at the server" at a random instant between its grant and its completion,
 * and before its lease's bound (which is what the lease promises). A waiting request asks again when told to, or as soon as a slot
 * is released, as the limiter does. The answers are recorded so two backends can be compared one for one.
 */
public final class SlotWorkload {

    /** What the backend answered, in order, and the arrival instants of every permit that was used. */
    public record Result(List<String> answers, List<Long> arrivals) {
    }

    private record Event(long at, long order, String lease, boolean sent, boolean attempt) {
    }

    private SlotWorkload() {
    }

    public static Result run(RateLimitBackend backend, String key, RateLimit limit, long leaseMillis, long seed,
                             int requests) {
        Random random = new Random(seed);
        long window = limit.window().toMillis();
        PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
                : Long.compare(a.order, b.order));
        List<String> answers = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        long order = 0;
        long attemptOrder = -1;
        boolean waiting = false;
        int granted = 0;
        events.add(new Event(0, order, null, false, true));
        attemptOrder = order++;
        while (!events.isEmpty()) {
            Event event = events.poll();
            if (!event.attempt) {
                backend.release(key, limit, event.lease, event.sent, event.at).join();
                if (waiting) {
                    // a slot was released: the waiting request asks again now, not at the time it was told
                    waiting = false;
                    events.add(new Event(event.at, order, null, false, true));
                    attemptOrder = order++;
                }
                continue;
            }
            if (event.order != attemptOrder) {
                continue; // superseded by an earlier wake-up
            }
            int count = random.nextInt(4) == 0 ? 1 + random.nextInt(limit.permits()) : 1;
            Reservation reservation = backend.reserve(key, limit, count, leaseMillis, event.at).join();
            if (!reservation.granted()) {
                answers.add("full, ask again at " + reservation.atMillis() + " (asked at " + event.at + ")");
                assertThat(reservation.atMillis()).isGreaterThan(event.at);
                waiting = true;
                events.add(new Event(reservation.atMillis(), order, null, false, true));
                attemptOrder = order++;
                continue;
            }
            long at = reservation.atMillis();
            answers.add(count + " at " + at + " (asked at " + event.at + ")");
            assertThat(at).isGreaterThanOrEqualTo(event.at);
            int fate = random.nextInt(20);
            if (fate < 2) {
                events.add(new Event(at, order++, reservation.lease(), false, false)); // never sent
            } else if (fate == 2) {
                long arrival = at + (long) (random.nextDouble() * leaseMillis); // forgotten, arrived by its bound
                for (int i = 0; i < count; i++) {
                    arrivals.add(arrival);
                }
            } else {
                // the lease bounds the time until the server has the request; the answer may take longer (a release
                // after the bound then changes nothing)
                long latency = random.nextInt((int) (2 * window) + 1);
                long arrival = at + (long) (random.nextDouble() * Math.min(latency, leaseMillis));
                for (int i = 0; i < count; i++) {
                    arrivals.add(arrival);
                }
                events.add(new Event(at + latency, order++, reservation.lease(), true, false));
            }
            if (++granted < requests) {
                long gap = random.nextInt(3) == 0 ? random.nextInt((int) window) : 0;
                events.add(new Event(event.at + gap, order, null, false, true));
                attemptOrder = order++;
            }
        }
        return new Result(answers, arrivals);
    }
}
