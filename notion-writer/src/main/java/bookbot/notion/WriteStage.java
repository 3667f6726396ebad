package bookbot.notion;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import bookbot.core.failure.PermanentFailure;
import bookbot.core.job.BookJob;
import bookbot.core.job.JobKind;
import bookbot.core.messaging.Stage;
import bookbot.core.worker.StageHandler;

/** The last stage: hands each job to the writer of its kind. The end of the line. */
class WriteStage implements StageHandler {

    private final Map<JobKind, JobWriter> writers = new EnumMap<>(JobKind.class);
    private final List<WrittenJobListener> listeners;

    WriteStage(List<JobWriter> writers) {
        this(writers, List.of());
    }

    WriteStage(List<JobWriter> writers, List<WrittenJobListener> listeners) {
        this.listeners = List.copyOf(listeners);
        for (JobWriter writer : writers) {
            if (this.writers.put(writer.kind(), writer) != null) {
                throw new IllegalStateException("two writers of " + writer.kind() + " jobs");
            }
        }
    }

    @Override
    public Stage stage() {
        return Stage.WRITE;
    }

    @Override
    public Optional<BookJob> handle(BookJob job) {
        JobWriter writer = writers.get(job.kind());
        if (writer == null) {
            throw new PermanentFailure("unsupported-job-kind", "this writer does not handle " + job.kind()
                    + " jobs (is it older than the gateway that published it?)", null);
        }
        writer.write(job);
        listeners.forEach(listener -> listener.written(job));
        return Optional.empty();
    }
}
