package bookbot.core.testing;

import java.time.Instant;

import org.springframework.amqp.core.Message;

import bookbot.core.job.BookJob;
import bookbot.core.job.JobCodec;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Stage;

/**
 * A dead letter as the notion-writer leaves it after one failed attempt, for tests of what admins do with dead
 * letters. Publish it to the topology's dead-letter exchange with {@link Stage#WRITE}'s input key.
 */
public final class DeadLetterMessages {

    private DeadLetterMessages() {
    }

    public static Message fromWriter(BookJob job, String id, String reason, String error) {
        Message message = new JobMessages(new JobCodec()).toMessage(job);
        message.getMessageProperties().setHeader(JobHeaders.DEAD_LETTER_ID, id);
        message.getMessageProperties().setHeader(JobHeaders.DEAD_STAGE, Stage.WRITE.label());
        message.getMessageProperties().setHeader(JobHeaders.DEAD_REASON, reason);
        message.getMessageProperties().setHeader(JobHeaders.DEAD_ERROR, error);
        message.getMessageProperties().setHeader(JobHeaders.ATTEMPT, 1);
        message.getMessageProperties().setHeader(JobHeaders.LAST_FAILED_AT, Instant.now().toString());
        return message;
    }
}
