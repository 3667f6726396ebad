package bookbot.sandbox.drill;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import bookbot.sandbox.BrokerNamespace;
import bookbot.sandbox.client.SandboxClient;
import bookbot.sandbox.launch.BrokerAddress;
import bookbot.sandbox.launch.Pipeline;
import bookbot.sandbox.launch.PipelineSettings;

/**
 * {@code sandbox.jar drill [options]} (what {@code scripts/dead-letter-drill} runs): starts the sandbox, the gateway
 * and one worker of each kind from this checkout's jars in a namespace of its own, plays the dead-letter drill an
 * operator would (see {@link DeadLetterDrill}), then stops the services and deletes the namespace's queues and
 * exchanges.
 */
@Command(name = "drill", mixinStandardHelpOptions = true, version = "drill 0.1.0", sortOptions = false,
        description = "A dead-letter drill against the sandbox, printing what an operator sees: Notion refuses the"
                + " token, the demo's books die, bookbot-admin and the admin API list, show and replay them, the"
                + " token is fixed and every book arrives.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every book ended with one Notion page and one channel message, no dead letter left",
                "1:a step did not go as expected, the final counts are off, or the namespace could not be deleted",
                "2:the services could not be started, or a usage error"})
public final class DrillCommand implements Callable<Integer> {

    @Option(names = "--repository", paramLabel = "DIR", defaultValue = ".",
            description = "the built checkout whose jars run (default ${DEFAULT-VALUE})")
    Path repository;

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = "bookbot-drill",
            description = "prefix of the exchanges and queues the services use; deleted before and after the drill"
                    + " (default ${DEFAULT-VALUE})")
    String namespace;

    @Option(names = "--sandbox-port", paramLabel = "PORT", defaultValue = "0",
            description = "the sandbox's port (default ${DEFAULT-VALUE}: any free port)")
    int sandboxPort;

    @Option(names = "--gateway-port", paramLabel = "PORT", defaultValue = "0",
            description = "the gateway's port (default ${DEFAULT-VALUE}: any free port)")
    int gatewayPort;

    @Option(names = "--timeout-seconds", paramLabel = "S", defaultValue = "60",
            description = "how long to wait for each step: the books to die, die again, arrive"
                    + " (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    /** @return the drill's exit code */
    public static int run(String... args) {
        return commandLine(new DrillCommand()).execute(args);
    }

    static CommandLine commandLine(DrillCommand drill) {
        return new CommandLine(drill).setOverwrittenOptionsAllowed(true);
    }

    @Override
    public Integer call() {
        // The drill prints its own lines; libraries (the AMQP client's connection chatter) only when something is wrong.
        LoggingSystem.get(DrillCommand.class.getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        String adminToken = DrillLaunch.newAdminToken();
        PipelineSettings settings;
        BookbotAdmin admin;
        try {
            settings = DrillLaunch.settings(repository, namespace, sandboxPort, gatewayPort, adminToken);
            admin = bookbotAdmin(settings);
        } catch (IllegalStateException e) {
            out.printf("Drill failed: %s%n", e.getMessage());
            return 2;
        }
        BrokerAddress broker = BrokerAddress.fromEnvironment(settings.broker());
        BrokerNamespace drillNamespace = new BrokerNamespace(broker, namespace);
        try {
            // What an earlier drill, killed, may have left: its dead letters would be counted in this one.
            drillNamespace.delete();
        } catch (RuntimeException e) {
            out.printf("Drill failed: cannot clear namespace %s on the broker at %s: %s%n", namespace,
                    broker.addresses(), e.getMessage());
            return 2;
        }
        out.printf("Starting sandbox, bot-gateway, enrich-worker and notion-writer in namespace %s (logs in %s)…%n",
                namespace, settings.logs());
        Pipeline pipeline;
        try {
            pipeline = Pipeline.start(settings);
        } catch (IllegalStateException e) {
            out.printf("Drill failed: %s%n", e.getMessage());
            deleteNamespace(drillNamespace);
            return 2;
        }
        // Ctrl-C or SIGTERM during the drill: the services stop and the namespace goes all the same.
        Thread cleanUpOnExit = new Thread(() -> stop(pipeline, drillNamespace), "drill-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUpOnExit);
        boolean asExpected;
        try {
            asExpected = drill(settings, admin, adminToken).run();
        } catch (RuntimeException e) {
            out.printf("%nDrill failed: %s%n", e.getMessage());
            asExpected = false;
        }
        out.printf("%nStopping the services, deleting namespace %s's queues and exchanges…%n", namespace);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUpOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs: it stops the services and deletes the namespace
        }
        boolean deleted = stop(pipeline, drillNamespace);
        return asExpected && deleted ? 0 : 1;
    }

    /** {@code ./bookbot-admin} with the services' broker and namespace. */
    private static BookbotAdmin bookbotAdmin(PipelineSettings settings) {
        Map<String, String> environment = new HashMap<>(settings.broker());
        environment.put("BOOKBOT_AMQP_NAMESPACE", settings.namespace());
        return BookbotAdmin.of(settings.repository(), settings.java(), environment);
    }

    private DeadLetterDrill drill(PipelineSettings settings, BookbotAdmin admin, String adminToken) {
        URI gateway = URI.create(settings.gatewayUrl());
        SandboxClient sandbox = new SandboxClient(URI.create(settings.sandboxUrl()));
        return new DeadLetterDrill(new Transcript(out), admin, new AdminApi(gateway, adminToken), sandbox,
                new Members(gateway, sandbox, PipelineSettings.SLACK_SIGNING_SECRET), settings.gatewayUrl(),
                Duration.ofSeconds(timeoutSeconds));
    }

    /** The services first (they would declare the namespace again), then the namespace. */
    private boolean stop(Pipeline pipeline, BrokerNamespace drillNamespace) {
        pipeline.close();
        return deleteNamespace(drillNamespace);
    }

    private boolean deleteNamespace(BrokerNamespace drillNamespace) {
        try {
            drillNamespace.delete();
            return true;
        } catch (RuntimeException e) {
            out.printf("Could not delete namespace %s's queues and exchanges: %s%n", drillNamespace.name(),
                    e.getMessage());
            return false;
        }
    }
}
