package bookbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bookbot.sandbox.client.Fake;
import bookbot.sandbox.client.KnobChange;
import bookbot.core.job.BookJob;
import bookbot.core.job.Category;
import bookbot.core.job.Recommendation;
import bookbot.core.messaging.Stage;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.client.SlackRequests;

/**
 * Notion refuses the token, books die, an admin fixes the token and replays them with {@code bookbot-admin}:
 * the real CLI jar against the real services, broker and sandbox.
 */
class DeadLetterReplayIT {

    private static final Pattern PROGRESS = Pattern.compile("replayed (\\d+)/(\\d+)");

    static TestPipeline pipeline;

    @BeforeAll
    static void startPipeline() {
        pipeline = TestPipeline.start(Map.of("BOOKBOT_WORKER_CONCURRENCY", "6",
                "BOOKBOT_NOTION_REQUESTS_PER_SECOND", "1000"));
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @BeforeEach
    void resetSandbox() {
        pipeline.sandbox.reset();
    }

    @Test
    void booksKilledByARevokedNotionTokenAreReplayedOnceItIsFixed() {
        pipeline.sandbox.change(Fake.NOTION, KnobChange.of().failAuth(true));
        List<FormValues> books = IntStream.range(0, 8)
                .mapToObj(i -> new FormValues("https://ridibooks.com/books/30000000" + i, "소설::SF", "Worth it.", null))
                .toList();
        books.forEach(form -> pipeline.member("U0ALICE").shareBook("/book", form));
        await().atMost(Duration.ofSeconds(60)).until(this::deadLetters, n -> n == books.size());

        TestPipeline.CommandResult listing = pipeline.adminCli("dlq", "list", "--reason", "401");
        assertThat(listing.exitCode()).as(listing.err()).isZero();
        assertThat(listing.out()).contains("8 dead letters, 8 matching", "8  notion-unauthorized");
        books.forEach(form -> assertThat(listing.out()).contains(form.bookUrl()));

        pipeline.sandbox.change(Fake.NOTION, KnobChange.of().failAuth(false));
        TestPipeline.CommandResult replay = pipeline.adminCli("dlq", "replay", "--reason", "401", "--as", "e2e-admin");

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("Replayed 8 of 8 matching dead letters");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> books.forEach(form -> {
            List<NotionPageView> pages = pipeline.pagesFor(form.bookUrl());
            assertThat(pages).as(form.bookUrl()).hasSize(1);
            assertThat(pipeline.messagesLinking(pages.getFirst().url())).hasSize(1);
        }));
        assertThat(deadLetters()).isZero();
    }

    @Test
    void aThousandDeadLettersSurviveTheReplayerBeingKilledAndEndAsOnePageEach() throws Exception {
        pipeline.sandbox.change(Fake.NOTION, KnobChange.of().failAuth(true));
        List<BookJob> jobs = IntStream.range(0, 1000).mapToObj(DeadLetterReplayIT::job).toList();
        pipeline.deliverAll(Stage.ENRICH, jobs);
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(this::deadLetters, n -> n == 1000);
        long listStarted = System.nanoTime();
        TestPipeline.CommandResult listing = pipeline.adminCli("dlq", "list", "--limit", "3");
        System.out.printf("dlq list of 1000 dead letters: %d ms including the CLI's start%n",
                (System.nanoTime() - listStarted) / 1_000_000);
        assertThat(listing.out()).contains("1000 dead letters, 1000 matching (showing 3)");
        pipeline.sandbox.change(Fake.NOTION, KnobChange.of().failAuth(false));

        Process replayer = pipeline.startAdminCli("dlq", "replay", "--all", "--rate", "100", "--as", "e2e-admin");
        CompletableFuture.supplyAsync(() -> drain(replayer));
        int replayedBeforeKill = awaitProgress(replayer, 300);
        replayer.destroyForcibly();
        assertThat(replayer.waitFor(10, TimeUnit.SECONDS)).isTrue();

        awaitQuiet();
        int stillDead = deadLetters();
        int pages = pipeline.pages().size();
        assertThat(stillDead).as("dead letters left by the killed replay").isBetween(1, 1000 - replayedBeforeKill);
        assertThat(stillDead + pages).as("every job is a page or still a dead letter").isGreaterThanOrEqualTo(1000);
        System.out.printf("replay killed after it reported %d/1000; once the pipeline settled: %d pages, %d still dead%n",
                replayedBeforeKill, pages, stillDead);

        TestPipeline.CommandResult again = pipeline.adminCli("dlq", "replay", "--all", "--rate", "0", "--as", "e2e-admin");
        assertThat(again.exitCode()).as(again.err()).isZero();
        System.out.println("second replay: " + again.out().strip());

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                .until(() -> pipeline.pages().size() >= 1000 && pipeline.sandbox.slackMessages().size() >= 1000);
        awaitQuiet();
        List<NotionPageView> all = pipeline.pages();
        Set<String> jobIds = all.stream().map(NotionPageView::jobId).collect(Collectors.toSet());
        assertThat(jobIds).as("one page per job").hasSize(1000).containsAll(jobs.stream().map(BookJob::jobId).toList());
        assertThat(all).as("no duplicate pages").hasSize(1000);
        assertThat(pipeline.sandbox.slackMessages()).as("one message per page").hasSize(1000);
        assertThat(deadLetters()).isZero();
    }

    private int deadLetters() {
        return pipeline.deadLetters().size();
    }

    /** Waits until the pipeline has nothing left to do: queues empty and the sandbox's page count still. */
    private void awaitQuiet() {
        int[] last = {-1};
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            int pages = pipeline.pages().size();
            boolean idle = pipeline.ready(pipeline.topology.queue(Stage.ENRICH)) == 0
                    && pipeline.ready(pipeline.topology.queue(Stage.WRITE)) == 0 && pages == last[0];
            last[0] = pages;
            return idle;
        });
    }

    /** Reads the replay's progress lines until it reports at least {@code atLeast} replayed. */
    private static int awaitProgress(Process replayer, int atLeast) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(replayer.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null) {
            Matcher progress = PROGRESS.matcher(line);
            if (progress.find() && Integer.parseInt(progress.group(1)) >= atLeast) {
                return Integer.parseInt(progress.group(1));
            }
        }
        throw new AssertionError("the replay ended before it replayed " + atLeast + " (exit " + replayer.waitFor() + ")");
    }

    private static String drain(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static BookJob job(int i) {
        Recommendation recommendation = new Recommendation(SlackRequests.TEAM_ID, SlackRequests.CHANNEL_ID, "U0BOB",
                "https://ridibooks.com/books/4" + String.format("%09d", i), new Category("소설", "SF"), "Worth it.", null);
        return BookJob.submitted(java.util.UUID.randomUUID().toString(), recommendation, "en", java.time.Instant.now());
    }
}
