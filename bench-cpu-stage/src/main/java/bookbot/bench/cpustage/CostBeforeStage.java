package bookbot.bench.cpustage;

import java.util.Optional;

import bookbot.core.job.BookJob;
import bookbot.core.messaging.Stage;
import bookbot.core.worker.StageHandler;

/** A stage's handler that first spends a cost on every job, then does what the stage does. */
final class CostBeforeStage implements StageHandler {

    private final Runnable cost;
    private final StageHandler handler;

    CostBeforeStage(Runnable cost, StageHandler handler) {
        this.cost = cost;
        this.handler = handler;
    }

    @Override
    public Stage stage() {
        return handler.stage();
    }

    @Override
    public Optional<BookJob> handle(BookJob job) throws Exception {
        cost.run();
        return handler.handle(job);
    }
}
