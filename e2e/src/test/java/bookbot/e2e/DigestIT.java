package bookbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import bookbot.core.job.BookJob;
import bookbot.core.messaging.Stage;
import bookbot.sandbox.client.Fake;
import bookbot.sandbox.client.KnobChange;
import bookbot.sandbox.launch.PipelineSettings;
import bookbot.sandbox.launch.Service;
import bookbot.sandbox.launch.ServiceProcess;

/**
 * The monthly digest and the Home tab through the packaged services: pages put into the fake Notion with the
 * dates a test chooses, digest and Home jobs delivered to the write stage as the schedule, {@code bookbot-admin}
 * or the gateway would publish them. Two writers run, one consumer each, so that copies of one job go to
 * different processes; the schedule's catch-up is off (a run on the first days of a month would post that
 * digest), and a writer waits 6 s before its second look (15 s by default).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DigestIT {

    private static final String DIGEST_CHANNEL = "C0DIGEST";
    private static TestPipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = TestPipeline.start(Map.of("BOOKBOT_DIGEST_CHANNEL", DIGEST_CHANNEL,
                "BOOKBOT_DIGEST_CATCH_UP", "0s", "BOOKBOT_DIGEST_SETTLE", "6s", "BOOKBOT_WORKER_CONCURRENCY", "1"));
        pipeline.startAnother(Service.NOTION_WRITER);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @BeforeEach
    void resetSandbox() {
        pipeline.sandbox.reset();
    }

    @AfterEach
    void awaitNoCopyWaiting() {
        pipeline.awaitNoCopyWaiting();
    }

    @Test
    @Order(1)
    void aMonthsDigestCountsItsBooksLinksEveryTitleAndNamesTheReadersOfTheMonthOnATieOnceForTwoCopies() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("Dune", page("Dune", "2026-03-03T10:00:00Z", "Kim Reader", "U0MEMBER", null));
        pages.put("Project Hail Mary", page("Project Hail Mary", "2026-03-10T10:00:00Z", "Alice Park", "U0ALICE", null));
        pages.put("부의 추월차선", page("부의 추월차선", "2026-03-20T10:00:00Z", "Kim Reader", "U0MEMBER", null));
        pages.put("Klara and the Sun", page("Klara and the Sun", "2026-03-25T10:00:00Z", "Alice Park", "U0ALICE", null));
        // A February book Bob shared again in March: not a March book, one March share of Bob's.
        String february = page("February's book", "2026-02-27T10:00:00Z", "Kim Reader, Bob Lee", "U0MEMBER U0BOB",
                "2026-02-27T10:00:00Z 2026-03-05T10:00:00Z");
        String april = page("April's book", "2026-04-01T00:00:01Z", "Bob Lee", "U0BOB", null);

        BookJob digest = BookJob.digest(YearMonth.of(2026, 3), "en", Instant.now());
        pipeline.deliverAll(Stage.WRITE, List.of(digest, digest));

        await().atMost(Duration.ofSeconds(90)).until(() -> copiesDone(digest.jobId()) == 2);
        assertThat(digests()).hasSize(1);
        Map<String, Object> message = digests().getFirst();
        assertThat(message.get("text")).isEqualTo(":books: *March 2026*: 4 books were collected last month.");
        String blocks = String.valueOf(message.get("blocks"));
        pages.forEach((title, url) -> assertThat(blocks).contains("<" + url + "|" + title + ">"));
        assertThat(blocks).doesNotContain(february).doesNotContain(april)
                .contains("Readers of the month: <@U0MEMBER>, <@U0ALICE>, with 2 books each")
                .doesNotContain("U0BOB");
        assertThat(pipeline.deadLetters()).as("dead letters").isEmpty();
    }

    @Test
    @Order(2)
    void anEmptyMonthIsAShortInvitationToShare() {
        page("June's book", "2026-06-10T10:00:00Z", "Kim Reader", "U0MEMBER", null);

        pipeline.deliver(Stage.WRITE, BookJob.digest(YearMonth.of(2026, 5), "en", Instant.now()));

        await().atMost(Duration.ofSeconds(60)).until(() -> digests().size() == 1);
        assertThat(String.valueOf(digests().getFirst().get("text")))
                .startsWith(":books: *May 2026*: no book was shared last month.");
    }

    @Test
    @Order(3)
    void bookbotAdminDigestDryRunPrintsTheDigestAndPostsNothing() {
        String url = page("Dune", "2026-03-03T10:00:00Z", "Kim Reader", "U0MEMBER", null);

        TestPipeline.CommandResult result = pipeline.adminCli("digest", "--month", "2026-03", "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(":books: *March 2026*: 1 book was collected last month.")
                .contains("<" + url + "|Dune>").contains("Reader of the month: <@U0MEMBER>, with 1 book");
        assertThat(pipeline.ready(pipeline.topology.queue(Stage.WRITE))).as("jobs queued").isZero();
        assertThat(pipeline.sandbox.slackMessages()).as("messages posted").isEmpty();
    }

    @Test
    @Order(4)
    void bookbotAdminDigestPostQueuesTheDigestJobWhichIsPostedOnceEvenAskedTwice() {
        String url = page("Dune", "2026-07-03T10:00:00Z", "Kim Reader", "U0MEMBER", null);

        assertThat(pipeline.adminCli("digest", "--month", "2026-07", "--post").exitCode()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> digests().size() == 1);
        assertThat(pipeline.adminCli("digest", "--month", "2026-07", "--post").exitCode()).isZero();

        await().atMost(Duration.ofSeconds(90)).until(() -> copiesDone("digest-2026-07") == 2);
        assertThat(digests()).hasSize(1);
        assertThat(pipeline.queueExists(pipeline.topology.retryQueue(Duration.ofSeconds(16))))
                .as("the CLI declared its own retry tiers").isFalse();
        assertThat(String.valueOf(digests().getFirst().get("blocks"))).contains("<" + url + "|Dune>");
    }

    @Test
    @Order(5)
    void aHomeJobPublishesTheMembersHomeWithTheLatestBooksTheirOwnAndTheShareButton() {
        String alices = page("Project Hail Mary", "2026-03-10T10:00:00Z", "Alice Park", "U0ALICE", null);
        String kims = page("Dune", "2026-03-12T10:00:00Z", "Kim Reader", "U0MEMBER", null);

        pipeline.deliver(Stage.WRITE, BookJob.home("home-Ev0DIGEST1", "U0ALICE", "en", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.sandbox.slackHomeViews().containsKey("U0ALICE"));
        String home = String.valueOf(pipeline.sandbox.slackHomeViews().get("U0ALICE"));
        assertThat(home).contains("bookbot_share_book").contains("<" + alices + "|Project Hail Mary>")
                .contains("<" + kims + "|Dune>").contains("Kim Reader").contains("Your recommendations");
        String own = home.substring(home.indexOf("Your recommendations"));
        assertThat(own).contains("Project Hail Mary").doesNotContain("Dune");
    }

    /**
     * The writer posting the digest is killed while Slack (slowed to 3 s a call) is taking its message: the
     * message lands after the writer died, while the other writer already has the job. It finds nothing in the
     * channel at first, waits, looks again, and finds the first writer's message: one digest.
     */
    @Test
    @Order(6)
    void aWriterKilledWhilePostingTheDigestLeavesOneDigestInTheChannel() {
        page("Dune", "2026-08-03T10:00:00Z", "Kim Reader", "U0MEMBER", null);
        pipeline.sandbox.change(Fake.SLACK, KnobChange.of().latencyMs(3000));

        pipeline.deliver(Stage.WRITE, BookJob.digest(YearMonth.of(2026, 8), "en", Instant.now()));

        ServiceProcess posting = await().atMost(Duration.ofSeconds(60)).until(this::writerPostingAugust,
                writer -> writer != null);
        posting.kill();

        await().atMost(Duration.ofSeconds(90)).until(() -> copiesDone("digest-2026-08") == 1);
        assertThat(digests()).hasSize(1);
        assertThat(String.valueOf(digests().getFirst().get("text"))).contains("August 2026");
        assertThat(log(posting)).as("the killed writer never saw its post answered")
                .doesNotContain("digest of 2026-08 posted");
    }

    /** How many copies of the job the writers finished, killed ones included (their logs stay). */
    private static long copiesDone(String jobId) {
        return writers(true).stream().mapToLong(writer -> log(writer).lines()
                .filter(line -> line.contains("job " + jobId + " write done")).count()).sum();
    }

    private static List<ServiceProcess> writers(boolean deadToo) {
        return pipeline.processes(deadToo).stream().filter(process -> process.name().startsWith("notion-writer"))
                .toList();
    }

    private ServiceProcess writerPostingAugust() {
        return pipeline.processes().stream().filter(process -> process.name().startsWith("notion-writer"))
                .filter(process -> log(process).contains("digest of 2026-08: posting in"))
                .findFirst().orElse(null);
    }

    private static String log(ServiceProcess process) {
        try {
            return Files.readString(process.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Map<String, Object>> digests() {
        return pipeline.sandbox.slackMessages().stream().filter(m -> DIGEST_CHANNEL.equals(m.get("channel"))).toList();
    }

    /** A page as the share writer writes it, straight into the fake Notion; returns its URL. */
    private static String page(String title, String recommendedAt, String names, String ids, String sharedAt) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", Map.of("title", text(title)));
        properties.put("URL", Map.of("url", "https://ridibooks.com/books/" + Math.abs(title.hashCode())));
        properties.put("recommender", Map.of("rich_text", text(names)));
        properties.put("recommender ids", Map.of("rich_text", text(ids)));
        properties.put("Job ID", Map.of("rich_text", text(UUID.randomUUID().toString())));
        properties.put("recommended at", Map.of("date", Map.of("start", recommendedAt)));
        if (sharedAt != null) {
            properties.put("shared at", Map.of("rich_text", text(sharedAt)));
        }
        return (String) pipeline.sandbox.createNotionPage(PipelineSettings.NOTION_TOKEN,
                PipelineSettings.NOTION_DATABASE_ID, properties).get("url");
    }

    private static List<Map<String, Object>> text(String content) {
        return List.of(Map.of("type", "text", "text", Map.of("content", content)));
    }
}
