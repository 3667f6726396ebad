package bookbot.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;

import bookbot.core.job.JobCodec;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.JobMessages;
import bookbot.core.testing.Jobs;

class ReplayMessagesTest {

    private static final Instant DIED = Instant.parse("2026-11-22T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final Message dead = MessageBuilder.fromMessage(new JobMessages(new JobCodec()).toMessage(Jobs.submitted()))
            .setHeader(JobHeaders.DEAD_LETTER_ID, "0123456789ab")
            .setHeader(JobHeaders.ATTEMPT, 8)
            .setHeader(JobHeaders.DEAD_STAGE, "write")
            .setHeader(JobHeaders.DEAD_REASON, "notion-unauthorized")
            .setHeader(JobHeaders.DEAD_ERROR, "Notion answered 401")
            .setHeader(JobHeaders.FIRST_FAILED_AT, DIED.toString())
            .setHeader(JobHeaders.LAST_FAILED_AT, DIED.toString())
            .setHeader(JobHeaders.RETRY_NOT_BEFORE, DIED.toEpochMilli())
            .setHeader("x-death", List.of())
            .setHeader("trace-id", "abc")
            .build();
    private final DeadLetter deadLetter = new DeadLetter("0123456789ab", "job-1", "T", "L", "M", "write",
            "notion-unauthorized", "Notion answered 401", 8, DIED, DIED, 0);

    @Test
    void startsTheStageAfreshWithTheSameJobAndBodyAndKeepsUnrelatedHeaders() {
        Message replay = ReplayMessages.replayOf(dead, deadLetter, List.of(), "alice", NOW);

        assertThat(replay.getBody()).isEqualTo(dead.getBody());
        assertThat(replay.getMessageProperties().getMessageId()).isEqualTo(dead.getMessageProperties().getMessageId());
        assertThat(replay.getMessageProperties().getHeaders()).containsEntry("trace-id", "abc")
                .doesNotContainKeys(JobHeaders.ATTEMPT, JobHeaders.DEAD_LETTER_ID, JobHeaders.DEAD_STAGE,
                        JobHeaders.DEAD_REASON, JobHeaders.DEAD_ERROR, JobHeaders.FIRST_FAILED_AT,
                        JobHeaders.LAST_FAILED_AT, JobHeaders.RETRY_NOT_BEFORE, "x-death");
    }

    @Test
    void isPersistentAlthoughTheDeadLetterWasReadFromTheBroker() {
        Message received = MessageBuilder.fromClonedMessage(dead).build();
        received.getMessageProperties().setDeliveryMode(null);
        received.getMessageProperties().setReceivedDeliveryMode(MessageDeliveryMode.PERSISTENT);

        Message replay = ReplayMessages.replayOf(received, deadLetter, List.of(), "alice", NOW);

        assertThat(replay.getMessageProperties().getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
    }

    @Test
    void appendsThisDeathAndReplayToTheHistory() {
        PastDeath earlier = new PastDeath("ba9876543210", "enrich", "io-error", "timeout", 8, DIED, DIED, DIED, "bob");

        Message replay = ReplayMessages.replayOf(dead, deadLetter, List.of(earlier), "alice", NOW);

        List<PastDeath> history = DeadLetterHistory.read(replay.getMessageProperties().getHeaders().get(JobHeaders.HISTORY));
        assertThat(history).containsExactly(earlier, new PastDeath("0123456789ab", "write", "notion-unauthorized",
                "Notion answered 401", 8, DIED, DIED, NOW, "alice"));
    }
}
