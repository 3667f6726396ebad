package bookbot.core.deadletter;

import java.time.Instant;
import java.util.List;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;

import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.JobMessages;

/**
 * The message a replay sends: the dead letter's body and properties (same job id), as a first attempt of its
 * stage, carrying its history with this death and this replay appended.
 */
final class ReplayMessages {

    private static final List<String> LEFT_BEHIND = List.of(JobHeaders.ATTEMPT, JobHeaders.DEAD_LETTER_ID,
            JobHeaders.DEAD_STAGE, JobHeaders.DEAD_QUEUE, JobHeaders.DEAD_REASON, JobHeaders.DEAD_ERROR,
            JobHeaders.DEAD_ROUTING_KEY, JobHeaders.DEAD_WORKER, JobHeaders.FIRST_FAILED_AT,
            JobHeaders.LAST_FAILED_AT, JobHeaders.RETRY_TIER, JobHeaders.RETRY_DELAY_MS, JobHeaders.RETRY_NOT_BEFORE,
            JobHeaders.LAST_ERROR);

    private ReplayMessages() {
    }

    static Message replayOf(Message dead, DeadLetter deadLetter, List<PastDeath> history, String actor, Instant now) {
        PastDeath death = new PastDeath(deadLetter.id(), deadLetter.stage(), deadLetter.reason(), deadLetter.error(),
                deadLetter.attempts(), deadLetter.firstFailedAt(), deadLetter.lastFailedAt(), now, actor);
        MessageBuilder replay = JobMessages.republish(dead);
        LEFT_BEHIND.forEach(replay::removeHeader);
        // RabbitMQ's own bookkeeping (x-death, x-first-death-*) describes the old death, not the new job.
        dead.getMessageProperties().getHeaders().keySet().stream()
                .filter(name -> name.startsWith("x-"))
                .forEach(replay::removeHeader);
        return replay.setHeader(JobHeaders.HISTORY, DeadLetterHistory.write(history, death)).build();
    }
}
