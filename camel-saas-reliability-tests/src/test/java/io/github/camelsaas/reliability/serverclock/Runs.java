package io.github.camelsaas.reliability.serverclock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs seeded runs a few at a time (each is mostly waiting for windows), in seed order in the result. */
final class Runs {

    /** One run for one seed of the delaying proxy. */
    @FunctionalInterface
    interface SeededRun {
        LimitRun run(long seed) throws Exception;
    }

    private Runs() {
    }

    static List<LimitRun> seeds(long firstSeed, int count, int lanes, SeededRun run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        try {
            List<Future<LimitRun>> runs = new ArrayList<>();
            for (long seed = firstSeed; seed < firstSeed + count; seed++) {
                long thisSeed = seed;
                runs.add(pool.submit(() -> run.run(thisSeed)));
            }
            List<LimitRun> results = new ArrayList<>();
            for (Future<LimitRun> result : runs) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
