package bookbot.sandbox.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole pipeline as separate OS processes, the way it runs in production: the sandbox (playing Slack,
 * OpenGraph.io and Notion), the gateway, enrich-workers and notion-writers (one of each unless a {@link Layout}
 * says otherwise). Closing it stops them all.
 */
public final class Pipeline implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /**
     * Which processes to start.
     *
     * @param sandbox false to use a sandbox that already runs at the settings' sandbox port
     */
    public record Layout(boolean sandbox, boolean gateway, int enrichWorkers, int notionWriters) {

        /** Sandbox, gateway, one worker of each kind. */
        public static final Layout ONE_OF_EACH = new Layout(true, true, 1, 1);
    }

    private final PipelineSettings settings;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final Map<ServiceProcess, Service> services = new ConcurrentHashMap<>();
    private final Map<Service, Integer> launches = new ConcurrentHashMap<>();
    private boolean stopped;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** Stops the services if this JVM is told to stop (Ctrl-C, SIGTERM) before {@link #close()} ran. */
    private final Thread stopOnExit = new Thread(this::stopAll, "pipeline-stop");

    private Pipeline(PipelineSettings settings) {
        this.settings = settings;
    }

    public static Pipeline start(PipelineSettings settings) {
        return start(settings, Layout.ONE_OF_EACH);
    }

    public static Pipeline start(PipelineSettings settings, Layout layout) {
        Pipeline pipeline = new Pipeline(settings);
        Runtime.getRuntime().addShutdownHook(pipeline.stopOnExit);
        try {
            pipeline.startAll(layout);
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    public PipelineSettings settings() {
        return settings;
    }

    public synchronized List<ServiceProcess> processes() {
        return List.copyOf(processes);
    }

    private void startAll(Layout layout) {
        if (layout.sandbox()) {
            ServiceProcess sandbox = launch(Service.SANDBOX);
            awaitReady(Service.SANDBOX, sandbox);
        }
        List<ServiceProcess> started = new ArrayList<>();
        for (int i = 0; i < layout.enrichWorkers(); i++) {
            started.add(launch(Service.ENRICH_WORKER));
        }
        for (int i = 0; i < layout.notionWriters(); i++) {
            started.add(launch(Service.NOTION_WRITER));
        }
        if (layout.gateway()) {
            started.add(launch(Service.GATEWAY));
        }
        started.forEach(process -> awaitReady(services.get(process), process));
    }

    /** Starts one more process of a worker (or a replacement for one that was stopped) and waits until it runs. */
    public ServiceProcess startAnother(Service service) {
        return startAnother(service, Map.of());
    }

    /** Starts one more process of a service with some variables of its environment changed. */
    public ServiceProcess startAnother(Service service, Map<String, String> changedEnvironment) {
        ServiceProcess process = launch(service, changedEnvironment);
        awaitReady(service, process);
        return process;
    }

    private void awaitReady(Service service, ServiceProcess process) {
        switch (service) {
            case SANDBOX -> process.awaitReady(() -> httpOk(settings.sandboxUrl() + "/_sandbox/knobs"), START_TIMEOUT);
            case GATEWAY, ENRICH_WORKER, NOTION_WRITER -> process.awaitReady(
                    () -> httpOk(process.managementUrl() + "/actuator/health/readiness"), START_TIMEOUT);
        }
    }

    private Map<String, String> environmentOf(Service service) {
        return switch (service) {
            case SANDBOX -> sandboxEnvironment();
            case GATEWAY -> gatewayEnvironment();
            case ENRICH_WORKER -> enrichEnvironment();
            case NOTION_WRITER -> writerEnvironment();
        };
    }

    private ServiceProcess launch(Service service) {
        return launch(service, Map.of());
    }

    private ServiceProcess launch(Service service, Map<String, String> changedEnvironment) {
        Map<String, String> environment = new HashMap<>(environmentOf(service));
        environment.putAll(changedEnvironment);
        // A SERVER_PORT among the changes wins (a second gateway beside the first, say).
        int port = changedEnvironment.containsKey("SERVER_PORT")
                ? Integer.parseInt(changedEnvironment.get("SERVER_PORT"))
                : switch (service) {
                    case SANDBOX -> settings.sandboxPort();
                    case GATEWAY -> settings.gatewayPort();
                    // Each worker process serves its health and metrics on a port of its own.
                    case ENRICH_WORKER, NOTION_WRITER -> Ports.free();
                };
        environment.putIfAbsent("SERVER_PORT", String.valueOf(port));
        // The gateway serves Actuator on a port of its own; the others on their one port.
        int managementPort = service == Service.GATEWAY ? Ports.free() : port;
        environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        int instance = launches.merge(service, 1, Integer::sum);
        String name = service.module() + (instance == 1 ? "" : "-" + instance);
        Path log = settings.logs().resolve(name + ".log");
        try {
            Files.createDirectories(settings.logs());
            ProcessBuilder builder = new ProcessBuilder(command(settings.java(), settings.jar(service), environment))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return register(service, new ServiceProcess(name, builder.start(), log, port, managementPort));
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + service.module() + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code java -jar}; or, when the environment names a {@code LOADER_PATH} (jars to add to the service's class
     * path, e.g. the benchmark's CPU-bound stage), Spring Boot's PropertiesLauncher from the same jar: the jar's own
     * launcher ignores LOADER_PATH, PropertiesLauncher adds it.
     */
    static List<String> command(Path java, Path jar, Map<String, String> environment) {
        return environment.containsKey("LOADER_PATH")
                ? List.of(java.toString(), "-cp", jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher")
                : List.of(java.toString(), "-jar", jar.toString());
    }

    private Map<String, String> sandboxEnvironment() {
        return Map.of(
                "SANDBOX_PORT", String.valueOf(settings.sandboxPort()),
                "SANDBOX_SLACK_TOKEN", PipelineSettings.SLACK_BOT_TOKEN,
                "SANDBOX_OPENGRAPH_APP_ID", PipelineSettings.OPENGRAPH_APP_ID,
                "SANDBOX_NOTION_TOKEN", PipelineSettings.NOTION_TOKEN,
                "SANDBOX_NOTION_DATABASE_ID", PipelineSettings.NOTION_DATABASE_ID,
                "SANDBOX_NOTION_PARENT_PAGE_ID", PipelineSettings.NOTION_PARENT_PAGE_ID);
    }

    private Map<String, String> pipelineEnvironment() {
        Map<String, String> environment = new HashMap<>(settings.broker());
        environment.putAll(settings.serviceEnvironment());
        environment.put("BOOKBOT_AMQP_NAMESPACE", settings.namespace());
        environment.put("SLACK_BOT_TOKEN", PipelineSettings.SLACK_BOT_TOKEN);
        environment.put("SLACK_API_URL", settings.sandboxUrl() + "/slack/api/");
        return environment;
    }

    private Map<String, String> gatewayEnvironment() {
        Map<String, String> environment = pipelineEnvironment();
        environment.put("SERVER_PORT", String.valueOf(settings.gatewayPort()));
        environment.put("SLACK_SIGNING_SECRET", PipelineSettings.SLACK_SIGNING_SECRET);
        return environment;
    }

    private Map<String, String> enrichEnvironment() {
        Map<String, String> environment = pipelineEnvironment();
        environment.put("OPENGRAPH_APP_ID", PipelineSettings.OPENGRAPH_APP_ID);
        environment.put("OPENGRAPH_API_URL", settings.sandboxUrl() + "/opengraph/api/1.1");
        return environment;
    }

    /** What {@code bookbot-admin} needs to reach this pipeline's broker, namespace and Notion: the writer's settings. */
    public Map<String, String> adminEnvironment() {
        return writerEnvironment();
    }

    private Map<String, String> writerEnvironment() {
        Map<String, String> environment = pipelineEnvironment();
        environment.put("NOTION_TOKEN", PipelineSettings.NOTION_TOKEN);
        environment.put("NOTION_DATABASE_ID", PipelineSettings.NOTION_DATABASE_ID);
        environment.put("NOTION_API_URL", settings.sandboxUrl() + "/notion/v1");
        return environment;
    }

    private boolean httpOk(String url) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the services in reverse order of start, each by its own PID. Safe to call twice. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to undo
        }
    }

    private synchronized ServiceProcess register(Service service, ServiceProcess process) {
        processes.add(process);
        services.put(process, service);
        if (stopped) {
            process.close();
            throw new IllegalStateException("stopping: " + process.name() + " was not kept");
        }
        return process;
    }

    private synchronized void stopAll() {
        stopped = true;
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }
}
