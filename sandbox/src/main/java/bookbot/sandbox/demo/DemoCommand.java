package bookbot.sandbox.demo;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import bookbot.sandbox.BrokerNamespace;
import bookbot.sandbox.drill.BookbotAdmin;
import bookbot.sandbox.launch.BrokerAddress;
import bookbot.sandbox.launch.Pipeline;
import bookbot.sandbox.launch.PipelineSettings;

/**
 * {@code sandbox.jar demo [options]}: with {@code --launch} (what {@code ./demo} passes) starts the sandbox, the
 * gateway and one worker of each kind as separate processes from this checkout's jars, plays the members, stops
 * everything; without, plays the members against services that already run ({@code --gateway=URL --sandbox=URL}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, version = "demo 0.1.0", sortOptions = false,
        description = "Plays club members sharing books through the gateway, exactly as Slack would deliver their"
                + " clicks, and prints where each book ended: its Notion page and its channel message.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every accepted book arrived, and the bad link was refused",
                "1:a book did not arrive, or the bad link was not refused",
                "2:the services could not be started (--launch), or a usage error"})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--command", paramLabel = "/NAME", defaultValue = "/book",
            description = "the slash command the members type (default ${DEFAULT-VALUE})")
    String command;

    @Option(names = "--timeout-seconds", paramLabel = "S", defaultValue = "60",
            description = "how long to wait for the books to arrive (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @ArgGroup(exclusive = false, validate = false, heading = "%nLaunching the services first, as ./demo does:%n")
    Launch launch = new Launch();

    @ArgGroup(exclusive = false, validate = false,
            heading = "%nOr against services that already run, as docker compose's demo does:%n")
    Running running = new Running();

    /** Where the demo starts the services, with {@code --launch}. */
    static class Launch {

        @Option(names = "--launch",
                description = "start the sandbox, the gateway and the workers from this checkout's jars, stop them"
                        + " after the demo")
        boolean requested;

        @Option(names = "--keep-running", description = "keep the services up after the demo, until Ctrl-C")
        boolean keepRunning;

        @Option(names = "--repository", paramLabel = "DIR", defaultValue = ".",
                description = "the built checkout whose jars run (default ${DEFAULT-VALUE})")
        Path repository;

        @Option(names = "--namespace", paramLabel = "NS", defaultValue = "bookbot-demo",
                description = "prefix of the exchanges and queues the services use (default ${DEFAULT-VALUE})")
        String namespace;

        @Option(names = "--sandbox-port", paramLabel = "PORT", defaultValue = "9000",
                description = "the sandbox's port (default ${DEFAULT-VALUE})")
        int sandboxPort;

        @Option(names = "--gateway-port", paramLabel = "PORT", defaultValue = "8080",
                description = "the gateway's port (default ${DEFAULT-VALUE})")
        int gatewayPort;
    }

    /** The services the demo plays against without {@code --launch}. */
    static class Running {

        @Option(names = "--gateway", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
                description = "the gateway (default ${DEFAULT-VALUE})")
        URI gateway;

        @Option(names = "--sandbox", paramLabel = "URL", defaultValue = "http://127.0.0.1:9000",
                description = "the sandbox (default ${DEFAULT-VALUE})")
        URI sandbox;

        @Option(names = "--signing-secret", paramLabel = "SECRET",
                description = "the gateway's Slack signing secret (default: $SLACK_SIGNING_SECRET, else the"
                        + " sandbox's)")
        String signingSecret;

        String signingSecret() {
            return signingSecret != null ? signingSecret : Optional.ofNullable(System.getenv("SLACK_SIGNING_SECRET"))
                    .orElse(PipelineSettings.SLACK_SIGNING_SECRET);
        }
    }

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    /** @return the demo's exit code */
    public static int run(String... args) {
        return commandLine(new DemoCommand()).execute(args);
    }

    /** A later value of an option wins, as with the hand-written parser before. */
    static CommandLine commandLine(DemoCommand demo) {
        return new CommandLine(demo).setOverwrittenOptionsAllowed(true);
    }

    @Override
    public Integer call() {
        if (!launch.requested) {
            return driver(running.gateway, running.sandbox, running.signingSecret()).play() ? 0 : 1;
        }
        try {
            PipelineSettings settings = DemoLaunch.settings(launch.repository, launch.namespace, launch.sandboxPort,
                    launch.gatewayPort);
            out.printf("Starting sandbox, bot-gateway, enrich-worker and notion-writer (logs in %s)…%n", settings.logs());
            long start = System.nanoTime();
            BrokerNamespace namespace = new BrokerNamespace(BrokerAddress.fromEnvironment(System.getenv()),
                    launch.namespace);
            // The demo prints its own lines; the AMQP client's connection chatter only when something is wrong.
            LoggingSystem.get(DemoCommand.class.getClassLoader()).setLogLevel("org.springframework.amqp", LogLevel.WARN);
            try (Pipeline pipeline = Pipeline.start(settings)) {
                pipeline.processes().forEach(p -> out.printf("    %-14s pid %d%n", p.name(), p.pid()));
                out.printf("All four up in %.1f s; sharing books as Slack would deliver them:%n%n",
                        (System.nanoTime() - start) / 1e9);
                boolean ok = driver(URI.create(settings.gatewayUrl()), URI.create(settings.sandboxUrl()),
                        PipelineSettings.SLACK_SIGNING_SECRET).play();
                ok &= showDigest(settings, pipeline);
                if (launch.keepRunning) {
                    keepRunning(pipeline);
                }
                out.printf("%nStopping the services…%n");
                return ok ? 0 : 1;
            } finally {
                // The services are stopped: nothing re-declares the namespace while it goes.
                delete(namespace);
            }
        } catch (IllegalStateException e) {
            out.printf("%nDemo failed: %s%n", e.getMessage());
            return 2;
        }
    }

    /**
     * This month's digest as {@code bookbot-admin digest --dry-run} prints it from the sandbox's Notion (the writer
     * posts a month's digest once the month is over).
     */
    private boolean showDigest(PipelineSettings settings, Pipeline pipeline) {
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        out.printf("%n$ bookbot-admin digest --month %s --dry-run%n", month);
        BookbotAdmin.Result digest = BookbotAdmin.of(settings.repository(), settings.java(), pipeline.adminEnvironment())
                .run("digest", "--month", month, "--dry-run");
        digest.output().lines().filter(line -> !line.isBlank()).forEach(line -> out.printf("    %s%n", line));
        return digest.exitCode() == 0;
    }

    /** Best effort: a broker that went away must not turn the demo's answer into a stack trace. */
    private void delete(BrokerNamespace namespace) {
        try {
            namespace.delete();
        } catch (RuntimeException e) {
            out.printf("(the demo's queues and exchanges in %s are left on the broker: %s)%n", namespace.name(),
                    e.getMessage());
        }
    }

    private DemoDriver driver(URI gateway, URI sandbox, String signingSecret) {
        return new DemoDriver(out, gateway, sandbox, signingSecret, command, Duration.ofSeconds(timeoutSeconds));
    }

    /** {@code --keep-running}: the services stay up to be looked at until Ctrl-C (the pipeline stops them then). */
    private void keepRunning(Pipeline pipeline) {
        out.printf("%nThe services keep running until Ctrl-C. Health, metrics and logs:%n");
        for (var process : pipeline.processes()) {
            if (process.name().startsWith("sandbox")) {
                out.printf("    %-14s %s/_sandbox/notion/pages%n", process.name(), process.url());
                continue;
            }
            out.printf("    %-14s curl %s/actuator/health/readiness   curl %s/actuator/prometheus   log %s%n",
                    process.name(), process.managementUrl(), process.managementUrl(), process.log());
        }
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
