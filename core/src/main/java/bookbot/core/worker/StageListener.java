package bookbot.core.worker;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

import bookbot.core.failure.Failure;
import bookbot.core.job.BookJob;
import bookbot.core.job.MalformedJobException;
import bookbot.core.messaging.MessagePublisher;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Topology;
import bookbot.core.slack.MemberNotifier;

/**
 * Runs a {@link StageHandler} on each delivery and publishes its outcome: the next stage's message, a retry
 * or a dead letter. The container runs this inside a channel transaction, so that outcome and the
 * acknowledgement of the delivery commit together when this method returns: a worker that dies half-way
 * leaves neither, and the broker redelivers the job once, never next to a copy of it. When the broker
 * refuses, the exception leaves this method, the transaction rolls back and the job is delivered again.
 * A member whose book is dead-lettered is told so in Slack.
 */
class StageListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(StageListener.class);

    private final StageHandler handler;
    private final JobMessages messages;
    private final MessagePublisher publisher;
    private final Topology topology;
    private final FailedJobRouter failures;
    private final Optional<MemberNotifier> notifier;
    private final int maxAttempts;

    StageListener(StageHandler handler, JobMessages messages, MessagePublisher publisher, Topology topology,
            FailedJobRouter failures, Optional<MemberNotifier> notifier, int maxAttempts) {
        this.handler = handler;
        this.messages = messages;
        this.publisher = publisher;
        this.topology = topology;
        this.failures = failures;
        this.notifier = notifier;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void onMessage(Message message) {
        int attempt = attemptOf(message);
        String jobId = message.getMessageProperties().getMessageId();
        MDC.put("jobId", jobId);
        try {
            BookJob job = messages.toJob(message);
            Optional<BookJob> next = handler.handle(job);
            next.ifPresent(this::passOn);
            log.info("job {} {} done (attempt {})", jobId, handler.stage().label(), attempt);
        } catch (AmqpException e) {
            throw e;
        } catch (Exception e) {
            handleFailure(message, attempt, Failure.of(e));
        } finally {
            MDC.remove("jobId");
        }
    }

    private void passOn(BookJob next) {
        String routingKey = handler.stage().outputKey().orElseThrow();
        publisher.publish(topology.workExchange(), routingKey, messages.toMessage(next));
    }

    private void handleFailure(Message message, int attempt, Failure failure) {
        String jobId = message.getMessageProperties().getMessageId();
        String stage = handler.stage().label();
        if (failure.transientFailure() && attempt < maxAttempts) {
            Duration wait = failures.retryLater(message, handler.stage(), attempt + 1, failure);
            log.warn("job {} {} failed (attempt {} of {}), retry in {}: {}", jobId, stage, attempt, maxAttempts,
                    wait, failure.describe());
        } else {
            log.error("job {} {} dead-lettered after {} attempt(s): {} [{}]", jobId, stage, attempt,
                    failure.describe(), failure.reason(), failure.transientFailure() ? null : failure.cause());
            failures.deadLetter(message, handler.stage(), attempt, failure);
            notifyMember(message, failure);
        }
    }

    private void notifyMember(Message message, Failure failure) {
        if (notifier.isEmpty()) {
            return;
        }
        try {
            notifier.get().bookNotSaved(messages.toJob(message), failure.reason());
        } catch (MalformedJobException e) {
            log.warn("job {}: not a readable job, nobody to tell", message.getMessageProperties().getMessageId());
        }
    }

    private static int attemptOf(Message message) {
        Object header = message.getMessageProperties().getHeaders().get(JobHeaders.ATTEMPT);
        return header instanceof Number n ? n.intValue() : 1;
    }
}
