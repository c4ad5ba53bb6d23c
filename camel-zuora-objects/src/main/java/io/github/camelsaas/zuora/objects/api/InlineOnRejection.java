package io.github.camelsaas.zuora.objects.api;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands work to the component's workers, or runs it on the calling thread when they no longer take work (the
 * component is stopping). An answer must always reach its exchange: a rejected hand-off would otherwise turn into
 * a confusing RejectedExecutionException, or leave a caller waiting.
 */
public final class InlineOnRejection implements Executor {

    private final Executor workers;

    public InlineOnRejection(Executor workers) {
        this.workers = workers;
    }

    @Override
    public void execute(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }
}
