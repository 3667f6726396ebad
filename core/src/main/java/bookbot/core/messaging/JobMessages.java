package bookbot.core.messaging;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

import bookbot.core.job.BookJob;
import bookbot.core.job.JobCodec;

/** Builds the AMQP message for a job: persistent JSON with the job id as message id and its trace id. */
public class JobMessages {

    private final JobCodec codec;

    public JobMessages(JobCodec codec) {
        this.codec = codec;
    }

    /** A job entering the pipeline here: it starts a new trace. */
    public Message toMessage(BookJob job) {
        return toMessage(job, JobTrace.newTraceId());
    }

    /** @param traceId see {@link JobTrace} */
    public Message toMessage(BookJob job, String traceId) {
        return MessageBuilder.withBody(codec.encode(job))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setContentEncoding("UTF-8")
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setMessageId(job.jobId())
                .setType("book-job.v" + job.schemaVersion())
                .setHeader(JobHeaders.TRACE_ID, traceId)
                .build();
    }

    /**
     * A message to publish again (a retry, a dead letter, a replay), starting as a copy of one received from the
     * broker. Spring AMQP leaves a received message's delivery mode unset, so a plain copy would be published
     * transient, and a classic queue such as the dead letters' drops transient messages when the broker restarts.
     */
    public static MessageBuilder republish(Message received) {
        MessageBuilder copy = MessageBuilder.fromClonedMessage(received);
        copy.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        return copy;
    }

    public BookJob toJob(Message message) {
        return codec.decode(message.getBody());
    }
}
