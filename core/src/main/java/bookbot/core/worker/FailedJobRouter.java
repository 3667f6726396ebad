package bookbot.core.worker;

import java.time.Instant;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;

import bookbot.core.failure.Failure;
import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;

/**
 * Sends a failed delivery where it belongs: back for another attempt after a delay, or to the dead-letter
 * queue with everything an admin needs to understand it. The body always travels untouched.
 */
class FailedJobRouter {

    private final ConfirmedPublisher publisher;
    private final Topology topology;
    private final WorkerIdentity worker;

    FailedJobRouter(ConfirmedPublisher publisher, Topology topology, WorkerIdentity worker) {
        this.publisher = publisher;
        this.topology = topology;
        this.worker = worker;
    }

    void retryLater(Message failed, Stage stage, int nextAttempt, Failure failure) {
        Message retry = MessageBuilder.fromClonedMessage(failed)
                .setHeader(JobHeaders.ATTEMPT, nextAttempt)
                .setHeader(JobHeaders.LAST_ERROR, failure.describe())
                .build();
        publisher.publish(topology.retryExchange(), stage.inputKey(), retry);
    }

    void deadLetter(Message failed, Stage stage, int attempts, Failure failure) {
        Message dead = MessageBuilder.fromClonedMessage(failed)
                .setHeader(JobHeaders.ATTEMPT, attempts)
                .setHeader(JobHeaders.DEAD_STAGE, stage.label())
                .setHeader(JobHeaders.DEAD_QUEUE, topology.queue(stage))
                .setHeader(JobHeaders.DEAD_REASON, failure.reason())
                .setHeader(JobHeaders.DEAD_ERROR, failure.describe())
                .setHeader(JobHeaders.DEAD_AT, Instant.now().toString())
                .setHeader(JobHeaders.DEAD_WORKER, worker.value())
                .build();
        publisher.publish(topology.deadLetterExchange(), stage.inputKey(), dead);
    }
}
