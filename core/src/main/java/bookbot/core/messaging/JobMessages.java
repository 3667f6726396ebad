package bookbot.core.messaging;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

import bookbot.core.job.BookJob;
import bookbot.core.job.JobCodec;

/** Builds the AMQP message for a job: persistent JSON with the job id as message id. */
public class JobMessages {

    private final JobCodec codec;

    public JobMessages(JobCodec codec) {
        this.codec = codec;
    }

    public Message toMessage(BookJob job) {
        return MessageBuilder.withBody(codec.encode(job))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setContentEncoding("UTF-8")
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setMessageId(job.jobId())
                .setType("book-job.v" + job.schemaVersion())
                .build();
    }

    public BookJob toJob(Message message) {
        return codec.decode(message.getBody());
    }
}
