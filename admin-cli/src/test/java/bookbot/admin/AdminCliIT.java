package bookbot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import picocli.CommandLine;

import bookbot.core.messaging.MessagingSettings;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.messaging.TopologyDeclarations;
import bookbot.core.testing.DeadLetterMessages;
import bookbot.core.testing.Jobs;
import bookbot.core.testing.TestBroker;
import bookbot.core.testing.TestDeadLetters;
import bookbot.core.messaging.RetryBackoff;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code bookbot-admin dlq} as scripts see it: output and exit codes, against dead letters on a real broker. */
class AdminCliIT {

    private static final String NAMESPACE = TestBroker.newNamespace();
    private static final RetryBackoff RETRY = RetryBackoff.defaults();
    private static final Topology TOPOLOGY = new Topology(NAMESPACE);

    private static CachingConnectionFactory connections;
    private static RabbitAdmin admin;
    private static AdminContext context;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void declareNamespace() {
        connections = TestBroker.connectionFactory();
        admin = new RabbitAdmin(connections);
        for (Declarable declarable : TopologyDeclarations.of(new MessagingSettings(NAMESPACE, Duration.ofSeconds(2), 10),
                RETRY.tiers())) {
            switch (declarable) {
                case org.springframework.amqp.core.Queue queue -> admin.declareQueue(queue);
                case org.springframework.amqp.core.Exchange exchange -> admin.declareExchange(exchange);
                case Binding binding -> admin.declareBinding(binding);
                default -> throw new IllegalStateException("unexpected " + declarable);
            }
        }
        TestBroker.Address broker = TestBroker.address();
        context = new AdminContext(Map.of("spring.rabbitmq.host", broker.host(), "spring.rabbitmq.port", broker.port(),
                "spring.rabbitmq.username", broker.username(), "spring.rabbitmq.password", broker.password(),
                "spring.rabbitmq.virtual-host", broker.virtualHost(), "bookbot.amqp.namespace", NAMESPACE));
    }

    @AfterAll
    static void deleteNamespace() {
        context.close();
        connections.destroy();
        TestBroker.deleteNamespace(NAMESPACE, RETRY);
    }

    @BeforeEach
    @AfterEach
    void emptyDeadLetterQueue() {
        TestDeadLetters.discardAll(TOPOLOGY);
        admin.purgeQueue(TOPOLOGY.queue(Stage.WRITE), false);
    }

    @Test
    void listPrintsATableOrJsonAndExitsZero() throws Exception {
        deadLetter("0123456789ab", "notion-unauthorized", "Notion answered 401");
        deadLetter("ba9876543210", "notion-validation-error", "Notion answered 400");

        assertThat(run("dlq", "list")).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).contains("2 dead letters, 2 matching", "1  notion-unauthorized", "0123456789ab");

        out.getBuffer().setLength(0);
        assertThat(run("dlq", "list", "--json", "--reason", "401")).isEqualTo(ExitCodes.DONE);
        JsonNode listing = JsonMapper.builder().build().readTree(out.toString());
        assertThat(listing.get("matching").asInt()).isEqualTo(1);
        assertThat(listing.get("deadLetters").get(0).get("id").asString()).isEqualTo("0123456789ab");
    }

    @Test
    void anUnknownIdExitsFour() {
        deadLetter("0123456789ab", "notion-unauthorized", "Notion answered 401");

        assertThat(run("dlq", "show", "ffffffffffff")).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run("dlq", "replay", "ffffffffffff")).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(err.toString()).contains("no dead letter ffffffffffff");
        assertThat(readyDeadLetters()).isEqualTo(1);
    }

    @Test
    void aReplayThatDoesNotSayWhichDeadLettersIsAUsageErrorAndTouchesNothing() {
        deadLetter("0123456789ab", "notion-unauthorized", "Notion answered 401");

        assertThat(run("dlq", "replay")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("dlq", "replay", "--all", "--reason", "401")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("dlq", "discard", "--all")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("dlq", "list", "--older-than", "soon")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("say which dead letters", "--because", "30m, 2h or 7d");
        assertThat(readyDeadLetters()).isEqualTo(1);
    }

    @Test
    void aReplayTheBrokerCannotRouteExitsOneAndLeavesTheDeadLetters() {
        deadLetter("0123456789ab", "notion-unauthorized", "Notion answered 401");
        Binding enriched = new Binding(TOPOLOGY.queue(Stage.WRITE), Binding.DestinationType.QUEUE,
                TOPOLOGY.workExchange(), Stage.WRITE.inputKey(), null);
        admin.removeBinding(enriched);
        try {
            assertThat(run("dlq", "replay", "--all")).isEqualTo(ExitCodes.PARTLY_DONE);
        } finally {
            admin.declareBinding(enriched);
        }
        assertThat(out.toString()).contains("Replayed 0 of 1", "Stopped:", "still dead");
        assertThat(readyDeadLetters()).isEqualTo(1);
    }

    @Test
    void replayAndDiscardReportWhatTheyDid() {
        deadLetter("0123456789ab", "notion-unauthorized", "Notion answered 401");
        deadLetter("ba9876543210", "notion-validation-error", "Notion answered 400");

        assertThat(run("dlq", "replay", "--reason", "401", "--dry-run")).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).contains("Dry run: would replay 1 of 2 dead letters.", "0123456789ab");
        assertThat(readyDeadLetters()).isEqualTo(2);

        assertThat(run("dlq", "replay", "0123456789ab", "--as", "alice")).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).contains("Replayed 1 of 1 matching dead letters (2 open).");
        assertThat(err.toString()).contains("replayed 1/1");
        assertThat(run("dlq", "discard", "ba9876543210", "--because", "the member shared it again")).isEqualTo(ExitCodes.DONE);
        assertThat(out.toString()).contains("Discarded 1 of 1");
        assertThat(readyDeadLetters()).isZero();
    }

    @Test
    void aMissingDeadLetterQueueExitsThreeAndSaysWhichQueue() {
        try (AdminContext elsewhere = new AdminContext(Map.of("bookbot.amqp.namespace", "no-such-namespace",
                "spring.rabbitmq.host", TestBroker.address().host(), "spring.rabbitmq.port", TestBroker.address().port()))) {
            CommandLine commandLine = AdminCli.commandLine(elsewhere);
            commandLine.setErr(new PrintWriter(err, true));

            assertThat(commandLine.execute("dlq", "list")).isEqualTo(ExitCodes.UNAVAILABLE);
        }
        assertThat(err.toString()).contains("no-such-namespace.dead");
    }

    private int run(String... arguments) {
        CommandLine commandLine = AdminCli.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(arguments);
    }

    private void deadLetter(String id, String reason, String error) {
        TestDeadLetters.add(TOPOLOGY,
                DeadLetterMessages.fromWriter(Jobs.submitted().enriched(null, "Kim"), id, reason, error));
    }

    private int readyDeadLetters() {
        return TestDeadLetters.count(TOPOLOGY);
    }
}
