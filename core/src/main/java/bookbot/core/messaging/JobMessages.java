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

    public BookJob toJob(Message message) {
        return codec.decode(message.getBody());
    }
}
