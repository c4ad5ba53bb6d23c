package io.github.camelsaas.common.component;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands work to the component's workers, or runs it on the calling thread when they no longer take work (the
 * component is stopping). An answer must always reach its exchange, but a stopping pool drops work silently:
 * Camel's default thread pools reject with "caller runs", which discards a task once the pool is shut down.
 * So after a hand-off to a pool that is shut down, the task is run here unless the pool already started it
 * (each task runs exactly once).
 */
final class InlineOnRejection implements Executor {

    private final Executor workers;

    InlineOnRejection(Executor workers) {
        this.workers = workers;
    }

    @Override
    public void execute(Runnable task) {
        AtomicBoolean claimed = new AtomicBoolean();
        Runnable once = () -> {
            if (claimed.compareAndSet(false, true)) {
                task.run();
            }
        };
        try {
            workers.execute(once);
        } catch (RejectedExecutionException e) {
            once.run();
            return;
        }
        if (workers instanceof ExecutorService pool && pool.isShutdown()) {
            // queued before the shutdown (it may still run there) or dropped by the rejection policy: whichever
            // comes first runs it
            once.run();
        }
    }
}
