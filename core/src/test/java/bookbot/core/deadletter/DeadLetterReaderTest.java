package bookbot.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;

import bookbot.core.job.BookJob;
import bookbot.core.job.JobCodec;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.testing.Jobs;

class DeadLetterReaderTest {

    private final Topology topology = new Topology("books");
    private final DeadLetterReader reader = new DeadLetterReader(new JobCodec(), topology);
    private final JobMessages messages = new JobMessages(new JobCodec());

    @Test
    void explainsAJobTheBrokerDeadLetteredForCrashingItsWorker() {
        BookJob job = Jobs.submitted();
        Date diedAt = Date.from(Instant.parse("2026-11-22T09:00:00Z"));
        Message crashed = MessageBuilder.fromMessage(messages.toMessage(job))
                .setHeader("x-death", List.of(Map.of("queue", "books.enriched", "reason", "delivery_limit",
                        "count", 1L, "time", diedAt, "exchange", "books", "routing-keys", List.of("enriched"))))
                .build();

        DeadLetter deadLetter = reader.summarize(crashed);

        assertThat(deadLetter.stage()).isEqualTo("write");
        assertThat(deadLetter.reason()).isEqualTo("broker-delivery-limit");
        assertThat(deadLetter.error()).contains("books.enriched", "crashes its worker");
        assertThat(deadLetter.lastFailedAt()).isEqualTo(diedAt.toInstant());
        assertThat(deadLetter.jobId()).isEqualTo(job.jobId());
        assertThat(deadLetter.id()).matches("[0-9a-f]{12}").isEqualTo(reader.summarize(crashed).id());
        assertThat(reader.stageOf(crashed)).contains(Stage.WRITE);
    }

    @Test
    void stillListsAMessageThatIsNotAJob() {
        Message garbage = MessageBuilder.withBody("{not json".getBytes()).setMessageId("m-1")
                .setHeader("bookbot-dead-stage", "enrich").setHeader("bookbot-dead-reason", "malformed-job").build();

        DeadLetter deadLetter = reader.summarize(garbage);
        DeadLetterDetail detail = reader.detail(garbage);

        assertThat(deadLetter.jobId()).isEqualTo("m-1");
        assertThat(deadLetter.title()).isNull();
        assertThat(deadLetter.reason()).isEqualTo("malformed-job");
        assertThat(detail.payload()).isEqualTo("{not json");
        assertThat(detail.routingKey()).isEqualTo("submitted");
    }

    @Test
    void aDeadLetterInTheLogHasLostItsXDeathButStillSaysWhereItDied() {
        BookJob job = Jobs.submitted();
        // What a stream keeps of a message the broker dead-lettered: no table or array header, so no x-death.
        Message fromTheLog = MessageBuilder.fromMessage(messages.toMessage(job))
                .setHeader("x-first-death-queue", "books.enriched").setHeader("x-first-death-reason", "delivery_limit")
                .setHeader("x-stream-offset", 42L).build();

        DeadLetter deadLetter = reader.summarize(fromTheLog);

        assertThat(deadLetter.stage()).isEqualTo("write");
        assertThat(deadLetter.reason()).isEqualTo("broker-delivery-limit");
        assertThat(deadLetter.lastFailedAt()).isNull();
        Message elsewhere = MessageBuilder.fromMessage(fromTheLog).setHeader("x-stream-offset", 7L).build();
        assertThat(DeadLetterIds.of(elsewhere)).as("its place in the log is not part of its id")
                .isEqualTo(deadLetter.id());
    }

    @Test
    void aBriefSummaryReadsOnlyTheHeadersAndAgreesWithTheFullOne() {
        BookJob job = Jobs.submitted();
        Message dead = MessageBuilder.fromMessage(messages.toMessage(job))
                .setHeader("bookbot-dead-letter-id", "0123456789ab").setHeader("bookbot-dead-stage", "write")
                .setHeader("bookbot-dead-reason", "notion-unauthorized").setHeader("bookbot-dead-error", "401")
                .setHeader("bookbot-last-failed-at", "2026-11-22T09:00:00Z").build();

        DeadLetter brief = reader.brief(dead);
        DeadLetter full = reader.summarize(dead);

        assertThat(brief.title()).isNull();
        assertThat(full.title()).isEqualTo(job.displayTitle());
        assertThat(brief).usingRecursiveComparison().ignoringFields("title", "link", "member").isEqualTo(full);
    }
}
