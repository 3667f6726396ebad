package bookbot.core.worker;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

import bookbot.core.failure.Failure;
import bookbot.core.job.BookJob;
import bookbot.core.job.MalformedJobException;
import bookbot.core.messaging.MessagePublisher;
import bookbot.core.messaging.PublishFailedException;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.JobTrace;
import bookbot.core.metrics.JobMetrics;
import bookbot.core.messaging.Topology;

/**
 * Runs a {@link StageHandler} on each delivery and publishes its outcome: the next stage's message, a retry
 * or a dead letter. The outcome is published with a confirm (and must reach a queue) before the delivery is
 * acknowledged, which happens when this method returns: a worker that dies between the two leaves both, and the
 * job, delivered again, is done again — every effect is idempotent by job id. When the broker refuses or cannot
 * route the outcome, the exception leaves this method and the job is delivered again; nothing is dropped.
 * A member whose book is dead-lettered is told so in Slack once the dead letter is confirmed.
 */
class StageListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(StageListener.class);

    private final StageHandler handler;
    private final JobMessages messages;
    private final MessagePublisher publisher;
    private final Topology topology;
    private final FailedJobRouter failures;
    private final List<DeadJobListener> deadJobListeners;
    private final int maxAttempts;
    private final JobMetrics metrics;
    private final Clock clock;

    StageListener(StageHandler handler, JobMessages messages, MessagePublisher publisher, Topology topology,
            FailedJobRouter failures, List<DeadJobListener> deadJobListeners, int maxAttempts, JobMetrics metrics,
            Clock clock) {
        this.handler = handler;
        this.messages = messages;
        this.publisher = publisher;
        this.topology = topology;
        this.failures = failures;
        this.deadJobListeners = List.copyOf(deadJobListeners);
        this.maxAttempts = maxAttempts;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void onMessage(Message message) {
        String traceId = JobTrace.traceIdOf(message);
        try (JobTrace trace = JobTrace.begin(message.getMessageProperties().getMessageId(), traceId)) {
            process(message, traceId);
        }
    }

    private void process(Message message, String traceId) {
        // A retry back from its tier before its due time waits on: not an attempt, not measured.
        if (failures.waitLongerIfEarly(message, handler.stage())) {
            log.debug("job {} {} not due yet: back to wait", message.getMessageProperties().getMessageId(),
                    handler.stage().label());
            return;
        }
        int attempt = attemptOf(message);
        JobMetrics.Attempt measured = metrics.start(handler.stage().label());
        try {
            BookJob job = messages.toJob(message);
            Optional<BookJob> next = handler.handle(job);
            next.ifPresent(nextJob -> passOn(nextJob, traceId));
            measured.completed();
            if (next.isEmpty()) {
                metrics.endToEnd(Duration.between(job.submittedAt(), clock.instant()));
            }
            log.info("job {} {} done (attempt {})", job.jobId(), handler.stage().label(), attempt);
        } catch (AmqpException | PublishFailedException e) {
            measured.abandoned();
            throw e;
        } catch (Exception e) {
            handleFailure(message, attempt, Failure.of(e), measured);
        }
    }

    private void passOn(BookJob next, String traceId) {
        String routingKey = handler.stage().outputKey().orElseThrow();
        publisher.publish(topology.workExchange(), routingKey, messages.toMessage(next, traceId));
    }

    private void handleFailure(Message message, int attempt, Failure failure, JobMetrics.Attempt measured) {
        String jobId = message.getMessageProperties().getMessageId();
        String stage = handler.stage().label();
        if (failure.transientFailure() && attempt < maxAttempts) {
            Duration wait = publishOrAbandon(measured, () -> failures.retryLater(message, handler.stage(), attempt + 1, failure));
            measured.retried(failure.reason());
            log.warn("job {} {} failed (attempt {} of {}), retry in {}: {}", jobId, stage, attempt, maxAttempts,
                    wait, failure.describe());
        } else {
            log.error("job {} {} dead-lettered after {} attempt(s): {} [{}]", jobId, stage, attempt,
                    failure.describe(), failure.reason(), failure.transientFailure() ? null : failure.cause());
            publishOrAbandon(measured, () -> {
                failures.deadLetter(message, handler.stage(), attempt, failure);
                return null;
            });
            measured.deadLettered(failure.reason());
            notifyMember(message, failure);
        }
    }

    /** A refused publish leaves the delivery to come again: it is neither retried nor dead yet. */
    private static <T> T publishOrAbandon(JobMetrics.Attempt measured, java.util.function.Supplier<T> publish) {
        try {
            return publish.get();
        } catch (RuntimeException e) {
            measured.abandoned();
            throw e;
        }
    }

    private void notifyMember(Message message, Failure failure) {
        if (deadJobListeners.isEmpty()) {
            return;
        }
        try {
            BookJob job = messages.toJob(message);
            deadJobListeners.forEach(listener -> listener.jobDied(job, failure.reason()));
        } catch (MalformedJobException e) {
            log.warn("job {}: not a readable job, nobody to tell", message.getMessageProperties().getMessageId());
        }
    }

    private static int attemptOf(Message message) {
        Object header = message.getMessageProperties().getHeaders().get(JobHeaders.ATTEMPT);
        return header instanceof Number n ? n.intValue() : 1;
    }
}
