package bookbot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import bookbot.core.job.BookJob;
import bookbot.core.job.JobCodec;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.messaging.TopologyDeclarations;
import bookbot.core.testing.TestBroker;
import bookbot.core.testing.TestDeadLetters;
import bookbot.core.messaging.RetryBackoff;
import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.client.SandboxClient;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackMember;
import bookbot.sandbox.client.SlackRequests;
import bookbot.sandbox.launch.ModuleJars;
import bookbot.sandbox.launch.Pipeline;
import bookbot.sandbox.launch.PipelineSettings;
import bookbot.sandbox.launch.RabbitCluster;
import bookbot.sandbox.launch.Service;
import bookbot.sandbox.launch.ServiceProcess;
import bookbot.sandbox.launch.Ports;

/**
 * The packaged services started as separate processes for one test class, in a namespace of their own,
 * with short retry delays; closing it stops them and deletes the namespace.
 */
final class TestPipeline implements AutoCloseable {

    static final RetryBackoff RETRY = new RetryBackoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(8), 0.2,
            Duration.ofMillis(250));

    final String namespace = TestBroker.newNamespace();
    final Topology topology = new Topology(namespace);
    final SlackRequests slack = new SlackRequests(PipelineSettings.SLACK_SIGNING_SECRET, Clock.systemUTC());
    final SandboxClient sandbox;
    final SlackAppClient gateway;
    final String gatewayUrl;
    private final Pipeline pipeline;
    private final Path repository;
    private final Path java;
    private final JobMessages messages = new JobMessages(new JobCodec());

    private final Map<String, String> brokerEnvironment;
    private final Supplier<CachingConnectionFactory> broker;

    private TestPipeline(Map<String, String> environment, Map<String, String> brokerEnvironment,
            Supplier<CachingConnectionFactory> broker) {
        this.brokerEnvironment = brokerEnvironment;
        this.broker = broker;
        repository = Path.of("..").toAbsolutePath().normalize();
        java = ProcessHandle.current().info().command().map(Path::of).orElseThrow();
        Map<String, String> services = new HashMap<>(Map.of(
                "BOOKBOT_WORKER_CONCURRENCY", "2",
                "BOOKBOT_WORKER_RETRY_INITIAL_DELAY", RETRY.initialDelay().toMillis() + "ms",
                "BOOKBOT_WORKER_RETRY_MULTIPLIER", String.valueOf(RETRY.multiplier()),
                "BOOKBOT_WORKER_RETRY_MAX_DELAY", RETRY.maxDelay().toMillis() + "ms",
                "BOOKBOT_WORKER_RETRY_SHORTEST_TIER", RETRY.shortestTier().toMillis() + "ms"));
        services.putAll(environment);
        PipelineSettings settings = new PipelineSettings(repository, java,
                Path.of("target/e2e-logs/" + namespace).toAbsolutePath(), brokerEnvironment,
                namespace, Ports.free(), Ports.free(), services);
        try {
            pipeline = Pipeline.start(settings);
        } catch (RuntimeException e) {
            // The services that did start may have declared the namespace: a failed start leaves no queues either.
            deleteNamespace();
            throw e;
        }
        sandbox = new SandboxClient(URI.create(settings.sandboxUrl()));
        gatewayUrl = settings.gatewayUrl();
        gateway = new SlackAppClient(URI.create(gatewayUrl + "/slack/events"));
    }

    /** On the machine's broker. */
    static TestPipeline start(Map<String, String> environment) {
        return new TestPipeline(environment, TestBroker.address().asEnvironment(), TestBroker::connectionFactory);
    }

    /** On a cluster of the test's own. */
    static TestPipeline start(Map<String, String> environment, RabbitCluster cluster) {
        return new TestPipeline(environment, cluster.environment(), () -> TestClusters.connectionFactory(cluster));
    }

    /** The running process of a service (the first one started, unless it was replaced). */
    ServiceProcess process(Service service) {
        return pipeline.processes().stream()
                .filter(p -> p.name().startsWith(service.module()) && p.isAlive())
                .findFirst().orElseThrow(() -> new IllegalStateException("no running " + service.module()));
    }

    ServiceProcess startAnother(Service service) {
        return pipeline.startAnother(service);
    }

    ServiceProcess startAnother(Service service, Map<String, String> changedEnvironment) {
        return pipeline.startAnother(service, changedEnvironment);
    }

    List<ServiceProcess> processes() {
        return pipeline.processes().stream().filter(ServiceProcess::isAlive).toList();
    }

    /** Every process started, those that ended too (their logs stay). */
    List<ServiceProcess> processes(boolean endedToo) {
        return endedToo ? List.copyOf(pipeline.processes()) : processes();
    }

    SlackMember member(String userId) {
        return new SlackMember(userId, slack, gateway, sandbox);
    }

    /** A member whose Slack sends to another gateway process than the pipeline's first. */
    SlackMember member(String userId, ServiceProcess otherGateway) {
        return new SlackMember(userId, slack, new SlackAppClient(URI.create(otherGateway.url() + "/slack/events")),
                sandbox);
    }

    List<NotionPageView> pages() {
        return sandbox.notionPages().stream().map(NotionPageView::new).toList();
    }

    List<NotionPageView> pagesFor(String bookUrl) {
        return pages().stream().filter(p -> bookUrl.equals(p.bookUrl())).toList();
    }

    List<Map<String, Object>> messagesLinking(String pageUrl) {
        return sandbox.slackMessages().stream().filter(m -> String.valueOf(m.get("text")).contains(pageUrl)).toList();
    }

    /** Puts a job straight onto a stage's queue, as a redelivery (or a replay) would bring it. */
    void deliver(Stage stage, BookJob job) {
        withTemplate(template -> template.send(topology.workExchange(), stage.inputKey(), messages.toMessage(job)));
    }

    void deliverAll(Stage stage, List<BookJob> jobs) {
        withTemplate(template -> jobs.forEach(job ->
                template.send(topology.workExchange(), stage.inputKey(), messages.toMessage(job))));
    }

    boolean queueExists(String queue) {
        CachingConnectionFactory factory = broker.get();
        try {
            return new RabbitAdmin(factory).getQueueProperties(queue) != null;
        } finally {
            factory.destroy();
        }
    }

    /** Messages ready in a queue (not counting those a consumer holds). */
    int ready(String queue) {
        int[] count = new int[1];
        withTemplate(template -> count[0] = template.execute(channel -> channel.queueDeclarePassive(queue).getMessageCount()));
        return count[0];
    }

    /** Starts {@code bookbot-admin} with this pipeline's broker and namespace, as an operator would. */
    Process startAdminCli(String... arguments) {
        return startAdminCli(topology, arguments);
    }

    /** Starts {@code bookbot-admin} on another namespace of this pipeline's broker. */
    Process startAdminCli(Topology namespace, String... arguments) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar",
                ModuleJars.find(repository, "admin-cli", ".jar").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(brokerEnvironment);
        builder.environment().put("BOOKBOT_AMQP_NAMESPACE", namespace.namespace());
        builder.environment().put("NOTION_TOKEN", PipelineSettings.NOTION_TOKEN);
        builder.environment().put("NOTION_DATABASE_ID", PipelineSettings.NOTION_DATABASE_ID);
        builder.environment().put("NOTION_API_URL", sandbox.baseUrl() + "/notion/v1");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start bookbot-admin", e);
        }
    }

    record CommandResult(int exitCode, String out, String err) {
    }

    /** Runs {@code bookbot-admin} to the end. */
    CommandResult adminCli(String... arguments) {
        return adminCli(topology, arguments);
    }

    /** Runs {@code bookbot-admin} to the end on another namespace of this pipeline's broker. */
    CommandResult adminCli(Topology namespace, String... arguments) {
        Process process = startAdminCli(namespace, arguments);
        try {
            var out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            var err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("bookbot-admin " + String.join(" ", arguments) + " did not finish");
            }
            return new CommandResult(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deliverRaw(Stage stage, Message message) {
        withTemplate(template -> template.send(topology.workExchange(), stage.inputKey(), message));
    }

    /**
     * Waits until nothing is in the write queue or a retry tier for a while: no copy of a test's jobs (one that
     * waited for a writer's lock or a claim) comes back after the sandbox was reset for the next test.
     */
    void awaitNoCopyWaiting() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .during(Duration.ofSeconds(3))
                .until(() -> ready(topology.queue(Stage.WRITE)) + RETRY.tiers().stream()
                        .mapToInt(tier -> ready(topology.retryQueue(tier))).sum() == 0);
    }

    /** Waits up to {@code timeout} for an open dead letter that matches. */
    Message awaitDeadLetter(Predicate<Message> wanted, Duration timeout) {
        return TestDeadLetters.awaitOne(topology, broker, wanted, timeout);
    }

    /** The open dead letters, oldest first. */
    List<Message> deadLetters() {
        return TestDeadLetters.open(topology, broker);
    }

    /**
     * Runs on one channel with publisher confirms and waits for them before the connection closes: an
     * unconfirmed publish closed right away can be lost (two of 1,000 were, on a cluster), which a test would
     * then blame on the pipeline.
     */
    private void withTemplate(java.util.function.Consumer<RabbitOperations> use) {
        CachingConnectionFactory factory = broker.get();
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        try {
            new RabbitTemplate(factory).invoke(template -> {
                use.accept(template);
                template.waitForConfirmsOrDie(60_000);
                return null;
            });
        } finally {
            factory.destroy();
        }
    }

    @Override
    public void close() {
        pipeline.close();
        deleteNamespace();
    }

    private void deleteNamespace() {
        CachingConnectionFactory factory = broker.get();
        try {
            TopologyDeclarations.deleteNamespace(new RabbitAdmin(factory), namespace, RETRY.tiers());
        } finally {
            factory.destroy();
        }
    }

}
