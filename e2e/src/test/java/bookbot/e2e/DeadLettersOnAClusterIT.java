package bookbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;

import bookbot.sandbox.client.Fake;
import bookbot.sandbox.client.KnobChange;
import bookbot.core.deadletter.DeadLettersUnavailableException;
import bookbot.core.job.BookJob;
import bookbot.core.job.Category;
import bookbot.core.job.Recommendation;
import bookbot.core.messaging.MessagingSettings;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.messaging.TopologyDeclarations;
import bookbot.core.testing.DeadLetterMessages;
import bookbot.core.testing.TestBroker;
import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.client.SlackRequests;
import bookbot.sandbox.launch.RabbitCluster;

/**
 * Dead letters on a three-node RabbitMQ cluster whose nodes acknowledge-time-out deliveries after 60 s: they
 * survive a node killed and the whole broker restarted, a replay longer than that time-out completes, and a
 * listing of 100,000 answers its first page in seconds. The real services, CLI and sandbox.
 */
class DeadLettersOnAClusterIT {

    private static final long CONSUMER_TIMEOUT_MS = 60_000;
    /** bookbot-admin's exit code for "the dead letters are unavailable, try again" (docs/operating.md). */
    private static final int CLI_UNAVAILABLE = 3;

    static RabbitCluster cluster;
    static TestPipeline pipeline;

    @BeforeAll
    static void start() {
        cluster = TestClusters.start("bookbot-e2e-dlq", 5691, CONSUMER_TIMEOUT_MS);
        pipeline = TestPipeline.start(Map.of("BOOKBOT_WORKER_CONCURRENCY", "6",
                "BOOKBOT_NOTION_REQUESTS_PER_SECOND", "1000"), cluster);
    }

    @AfterAll
    static void stop() {
        try {
            if (pipeline != null) {
                pipeline.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void aThousandDeadLettersSurviveANodeKillAndABrokerRestartThenBecomeOnePageAndOneMessageEach() {
        pipeline.sandbox.change(Fake.NOTION, KnobChange.of().failAuth(true));
        List<BookJob> jobs = IntStream.range(0, 1000).mapToObj(DeadLettersOnAClusterIT::job).toList();
        pipeline.deliverAll(Stage.ENRICH, jobs);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                .until(() -> pipeline.deadLetters().size(), n -> n == 1000);

        cluster.kill("a");
        // While the streams elect new writers, a read on b or c can be refused ("no replica on the local node"):
        // an admin sees that error and tries again; what matters is that all 1,000 are readable with a down.
        await("dead letters readable with node a killed").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1)).ignoreException(DeadLettersUnavailableException.class)
                .untilAsserted(() -> assertThat(pipeline.deadLetters()).hasSize(1000));
        cluster.startNode("a");
        cluster.restart();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> pipeline.deadLetters().size(), n -> n == 1000);

        pipeline.sandbox.change(Fake.NOTION, KnobChange.of().failAuth(false));
        // Right after a whole-broker restart, the stream replica on the node the CLI reaches can lag (CI once saw a
        // read get nothing for 30 s). The CLI then says the dead letters are unavailable (exit 3) and an admin runs
        // it again; any other failure fails the test. What was replayed before a failed try is not replayed twice.
        TestPipeline.CommandResult replay = await("replay of every dead letter").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(5))
                .until(() -> pipeline.adminCli("dlq", "replay", "--all", "--rate", "0", "--as", "e2e-admin"),
                        DeadLettersOnAClusterIT::replayedOrUnavailable);
        assertThat(replay.out()).containsPattern("Replayed (\\d+) of \\1");

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                .until(() -> pipeline.pages().size() >= 1000 && pipeline.sandbox.slackMessages().size() >= 1000);
        List<NotionPageView> pages = pipeline.pages();
        Set<String> jobIds = pages.stream().map(NotionPageView::jobId).collect(Collectors.toSet());
        assertThat(jobIds).as("one page per job").hasSize(1000).containsAll(jobs.stream().map(BookJob::jobId).toList());
        assertThat(pages).as("no duplicate pages").hasSize(1000);
        assertThat(pipeline.sandbox.slackMessages()).as("one message per page").hasSize(1000);
        assertThat(pipeline.deadLetters()).isEmpty();
    }

    @Test
    void aReplayLongerThanTheAcknowledgementTimeoutCompletes() {
        Topology topology = new Topology(TestBroker.newNamespace());
        try (Namespace namespace = new Namespace(topology)) {
            namespace.deadLetters(5000);

            long started = System.nanoTime();
            TestPipeline.CommandResult replay = pipeline.adminCli(topology, "dlq", "replay", "--all", "--rate", "50",
                    "--as", "e2e-admin");
            long seconds = (System.nanoTime() - started) / 1_000_000_000;

            assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
            assertThat(replay.out()).contains("Replayed 5000 of 5000");
            assertThat(seconds * 1000).as("the replay outlasted the broker's acknowledgement timeout")
                    .isGreaterThan(CONSUMER_TIMEOUT_MS);
            assertThat(namespace.ready(topology.queue(Stage.WRITE))).as("replayed jobs waiting for a writer")
                    .isEqualTo(5000L);
            System.out.printf("replay of 5,000 dead letters at 50/s with consumer_timeout %d s: %d s%n",
                    CONSUMER_TIMEOUT_MS / 1000, seconds);
        }
    }

    @Test
    void listingAHundredThousandShowsTheFirstPageInSeconds() {
        Topology topology = new Topology(TestBroker.newNamespace());
        try (Namespace namespace = new Namespace(topology)) {
            namespace.deadLetters(100_000);

            long started = System.nanoTime();
            TestPipeline.CommandResult first = pipeline.adminCli(topology, "dlq", "list", "--limit", "20");
            long firstMs = (System.nanoTime() - started) / 1_000_000;
            String cursor = first.out().lines().filter(l -> l.startsWith("Next page: --after "))
                    .map(l -> l.substring("Next page: --after ".length())).findFirst().orElseThrow();
            started = System.nanoTime();
            TestPipeline.CommandResult second = pipeline.adminCli(topology, "dlq", "list", "--limit", "20", "--after", cursor);
            long secondMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("100000 dead letters, 100000 matching (showing 20)", "dead-0000019");
            assertThat(second.out()).contains("dead-0000020", "dead-0000039").doesNotContain("dead-0000019");
            assertThat(firstMs).as("first page of 100,000, CLI start included").isLessThan(30_000);
            System.out.printf("dlq list of 100,000 dead letters on the 3-node cluster, CLI start included: first page"
                    + " %d ms, second page %d ms%n", firstMs, secondMs);
        }
    }

    private static boolean replayedOrUnavailable(TestPipeline.CommandResult replay) {
        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isIn(0, CLI_UNAVAILABLE);
        return replay.exitCode() == 0;
    }

    /** A namespace with topology and dead letters but no services, deleted at the end. */
    private static final class Namespace implements AutoCloseable {
        private final Topology topology;
        private final CachingConnectionFactory factory = TestClusters.connectionFactory(cluster);
        private final RabbitAdmin admin = new RabbitAdmin(factory);
        private final RabbitTemplate template = new RabbitTemplate(factory);

        Namespace(Topology topology) {
            this.topology = topology;
            for (Declarable declarable : TopologyDeclarations.of(
                    new MessagingSettings(topology.namespace(), Duration.ofSeconds(10), 10), TestPipeline.RETRY.tiers())) {
                switch (declarable) {
                    case Queue queue -> admin.declareQueue(queue);
                    case Exchange exchange -> admin.declareExchange(exchange);
                    case Binding binding -> admin.declareBinding(binding);
                    default -> throw new IllegalStateException("unexpected " + declarable);
                }
            }
        }

        /**
         * Dead-letters {@code count} jobs as the writer would, ids dead-0000000 onwards, in that order (confirmed a
         * thousand at a time).
         */
        void deadLetters(int count) {
            DefaultMessagePropertiesConverter converter = new DefaultMessagePropertiesConverter();
            template.execute(channel -> {
                channel.confirmSelect();
                for (int i = 0; i < count; i++) {
                    Message letter = DeadLetterMessages.fromWriter(job(i), String.format("dead-%07d", i),
                            "notion-unauthorized", "Notion answered 401: API token is invalid.");
                    channel.basicPublish(topology.deadLetterExchange(), "", true,
                            converter.fromMessageProperties(letter.getMessageProperties(), "UTF-8"), letter.getBody());
                    if (i % 1000 == 999 || i == count - 1) {
                        channel.waitForConfirmsOrDie(60_000);
                    }
                }
                return null;
            });
        }

        long ready(String queue) {
            return admin.getQueueInfo(queue).getMessageCount();
        }

        @Override
        public void close() {
            TopologyDeclarations.deleteNamespace(admin, topology.namespace(), TestPipeline.RETRY.tiers());
            factory.destroy();
        }
    }

    private static BookJob job(int i) {
        Recommendation recommendation = new Recommendation(SlackRequests.TEAM_ID, SlackRequests.CHANNEL_ID, "U0BOB",
                "https://ridibooks.com/books/5" + String.format("%09d", i), new Category("소설", "SF"), "Worth it.", null);
        return BookJob.submitted(java.util.UUID.randomUUID().toString(), recommendation, "en", java.time.Instant.now());
    }
}
