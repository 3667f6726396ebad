package bookbot.harness;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;

import bookbot.sandbox.client.Fake;
import bookbot.sandbox.client.KnobChange;
import bookbot.core.job.BookJob;
import bookbot.core.job.JobCodec;
import bookbot.core.job.MalformedJobException;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.RetryBackoff;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.client.SandboxClient;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackRequests;
import bookbot.sandbox.launch.BrokerAddress;
import bookbot.sandbox.launch.Pipeline;
import bookbot.sandbox.launch.PipelineSettings;
import bookbot.sandbox.launch.Service;
import bookbot.sandbox.launch.Ports;

/**
 * One harness run: the pipeline with {@code processes} enrich-workers and notion-writers as separate
 * processes, faults injected by the sandbox, workers killed, malformed messages published; then every
 * accepted job is reconciled.
 */
final class HarnessRun {

    /** Short delays, so a run with many failures ends in minutes. */
    static final RetryBackoff RETRY = new RetryBackoff(Duration.ofMillis(500), 2, Duration.ofSeconds(8), 0.2,
            Duration.ofMillis(100));
    private static final String MODAL = "bookbot_share_book";
    private static final int QUIET_ROUNDS = 8;
    private static final Pattern PAGE_LINK = Pattern.compile("https://www\\.notion\\.so/[0-9a-f]{32}");

    private final HarnessOptions options;
    private final BrokerUnderTest broker;
    private final Consumer<String> progress;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String namespace = "harness-" + run;
    private final JobCodec codec = new JobCodec();

    /** @param broker the broker to run on, its owner's to close */
    HarnessRun(HarnessOptions options, BrokerUnderTest broker, Consumer<String> progress) {
        this.options = options;
        this.broker = broker;
        this.progress = progress;
    }

    /**
     * One run on the broker its options name: the machine's ({@code machineBroker}, its SPRING_RABBITMQ_*
     * variables; empty for the local default), or a cluster started for it and stopped after.
     */
    static HarnessReport execute(HarnessOptions options, Map<String, String> machineBroker, Consumer<String> progress) {
        try (BrokerUnderTest broker = BrokerUnderTest.of(options, machineBroker, progress)) {
            return new HarnessRun(options, broker, progress).execute();
        }
    }

    HarnessReport execute() {
        long start = System.nanoTime();
        HarnessReport.BrokerEvents brokerBefore = broker.events();
        PipelineSettings settings = new PipelineSettings(options.repository(), currentJava(),
                options.repository().resolve("target/harness/" + namespace), broker.environment(), namespace,
                Ports.free(), Ports.free(), serviceEnvironment(), options.servicesFrom());
        try (HarnessBroker amqp = new HarnessBroker(broker.environment(), namespace, RETRY)) {
            try {
                return runAgainst(settings, amqp, start, brokerBefore);
            } finally {
                amqp.deleteNamespace();
            }
        }
    }

    private HarnessReport runAgainst(PipelineSettings settings, HarnessBroker amqp, long start,
            HarnessReport.BrokerEvents brokerBefore) {
        progress.accept("starting sandbox, gateway, " + options.processes() + " enrich-worker and "
                + options.processes() + " notion-writer processes (logs in " + settings.logs() + ")");
        try (Pipeline pipeline = Pipeline.start(settings)) {
            for (int i = 1; i < options.processes(); i++) {
                pipeline.startAnother(Service.ENRICH_WORKER);
                pipeline.startAnother(Service.NOTION_WRITER);
            }
            SandboxClient sandbox = new SandboxClient(URI.create(settings.sandboxUrl()));
            injectFaults(sandbox);
            for (int i = 0; i < options.malformed(); i++) {
                amqp.publishMalformed(i);
            }
            Set<String> accepted;
            int kills;
            long processingStart = System.nanoTime();
            int connectionsClosed;
            try (Chaos chaos = new Chaos(pipeline, options.killEvery(), progress);
                    ConnectionDrops drops = new ConnectionDrops(broker::control,
                            List.of(amqp.queue(Stage.ENRICH), amqp.queue(Stage.WRITE)),
                            options.production().closeConnectionsEvery(), progress)) {
                chaos.start();
                drops.start();
                accepted = submit(settings);
                awaitQuiet(sandbox, amqp, accepted);
                kills = chaos.kills();
                connectionsClosed = drops.closed();
            }
            Duration processing = Duration.ofNanos(System.nanoTime() - processingStart);
            Map<String, Long> faults = faultsInjected(sandbox);
            Map<String, Long> notion = sandbox.stats().get("NOTION");
            List<NotionPageView> pages = sandbox.notionPages().stream().map(NotionPageView::new).toList();
            List<Map<String, Object>> messages = sandbox.slackMessages();
            List<Message> dead = amqp.deadLetters();
            long retries = countRetries(settings.logs());
            progress.accept("reconciling " + accepted.size() + " accepted jobs");
            HarnessReport.BrokerEvents brokerEvents = broker.events().since(brokerBefore);
            return reconcile(accepted, pages, messages, dead, retries, kills, connectionsClosed, brokerEvents, faults,
                    notion, processing, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Map<String, String> serviceEnvironment() {
        return Map.of(
                "BOOKBOT_WORKER_CONCURRENCY", String.valueOf(options.concurrency()),
                "BOOKBOT_WORKER_MAX_ATTEMPTS", "10",
                "BOOKBOT_WORKER_RETRY_INITIAL_DELAY", RETRY.initialDelay().toMillis() + "ms",
                "BOOKBOT_WORKER_RETRY_MULTIPLIER", String.valueOf(RETRY.multiplier()),
                "BOOKBOT_WORKER_RETRY_MAX_DELAY", RETRY.maxDelay().toMillis() + "ms",
                "BOOKBOT_WORKER_RETRY_SHORTEST_TIER", RETRY.shortestTier().toMillis() + "ms",
                "BOOKBOT_NOTION_REQUESTS_PER_SECOND", String.valueOf(options.writerLimit()),
                // Short, so that a job waiting for another copy's claim comes back within the run's retry tiers.
                "BOOKBOT_WRITER_ANNOUNCE_CLAIM", "10s");
    }

    /** The fail rate is split evenly: 5xx, 429 with Retry-After: 1, and time-outs answered after 2 s. */
    private void injectFaults(SandboxClient sandbox) {
        double each = options.failRate() / 3;
        for (Fake api : Fake.values()) {
            sandbox.change(api, KnobChange.of().serverErrorRate(each).rateLimitRate(each).timeoutRate(each)
                    .timeoutMs(2000).retryAfterSeconds(1));
        }
        progress.accept(String.format("faults on: %.0f%% of calls to each fake fail (5xx, 429, time-out)",
                options.failRate() * 100));
        HarnessOptions.ProductionFaults production = options.production();
        if (production.any()) {
            sandbox.change(Fake.NOTION, KnobChange.of().lostCreateRate(production.lostCreateRate())
                    .createLatencyMs(production.createLatency().toMillis()).queryLagMs(production.queryLag().toMillis()));
            sandbox.change(Fake.SLACK, KnobChange.of().notInChannel(production.notInChannel()));
            progress.accept(String.format("Notion: %.0f%% of create answers lost, creates take %d ms, queries lag "
                    + "%d ms; bot %s the channel", production.lostCreateRate() * 100,
                    production.createLatency().toMillis(), production.queryLag().toMillis(),
                    production.notInChannel() ? "not invited to" : "a member of"));
        }
        if (options.notionLimit() > 0) {
            sandbox.change(Fake.NOTION, KnobChange.of().requestsPerSecond(options.notionLimit()));
            progress.accept("the sandbox's Notion allows " + options.notionLimit() + " requests/s, 429 beyond");
        }
    }

    /**
     * Submits the books, {@code submitPerSecond} a second (all at once when 0), so that faults meet jobs in flight;
     * half-way through, the broker's faults begin on a thread of their own. Returns when both are over.
     */
    private Set<String> submit(PipelineSettings settings) {
        SlackRequests slack = new SlackRequests(PipelineSettings.SLACK_SIGNING_SECRET, Clock.systemUTC());
        SlackAppClient gateway = new SlackAppClient(URI.create(settings.gatewayUrl() + "/slack/events"));
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, options.jobs() / 10);
        CompletableFuture<Void> brokerFaults = CompletableFuture.completedFuture(null);
        try (ScheduledExecutorService submitters = Executors.newScheduledThreadPool(8)) {
            for (int i = 0; i < options.jobs(); i++) {
                int index = i;
                long dueMillis = options.submitPerSecond() > 0 ? Math.round(i * 1000 / options.submitPerSecond()) : 0;
                if (options.broker().any() && index == options.jobs() / 2) {
                    brokerFaults = CompletableFuture.runAsync(() -> broker.misbehave(options.broker()),
                            CompletableFuture.delayedExecutor(dueMillis, TimeUnit.MILLISECONDS,
                                    faults -> Thread.ofPlatform().name("broker-faults").start(faults)));
                }
                submitters.schedule(() -> {
                    String url = "https://ridibooks.com/books/h" + run + "-" + index;
                    // Each book is its own opened form: the view id makes the job id.
                    String viewId = "V0H" + run.toUpperCase(Locale.ROOT) + "X" + index;
                    if (submitOne(slack, gateway, viewId, url)) {
                        accepted.add(url);
                    }
                    int count = done.incrementAndGet();
                    if (count % step == 0) {
                        progress.accept("submitted " + count + "/" + options.jobs() + ", accepted " + accepted.size());
                    }
                }, dueMillis, TimeUnit.MILLISECONDS);
            }
        }
        brokerFaults.join();
        return accepted;
    }

    private static boolean submitOne(SlackRequests slack, SlackAppClient gateway, String viewId, String url) {
        try {
            SlackAppClient.Answer answer = gateway.send(slack.viewSubmission("U0MEMBER", viewId, MODAL,
                    SlackRequests.CHANNEL_ID, new FormValues(url, "소설::SF", "Survived the harness.", null)));
            return answer.status() == 200 && answer.body().isEmpty();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * Waits until every accepted job has its page and its message and nothing is queued, or until for eight
     * seconds nothing was queued and no book was finished (the rest are dead letters). The broker only counts
     * messages waiting in queues, not those a worker holds, so a pipeline that still finishes books is busy.
     */
    private void awaitQuiet(SandboxClient sandbox, HarnessBroker amqp, Set<String> accepted) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        int quietRounds = 0;
        long lastDone = -1;
        long lastReport = 0;
        while (System.nanoTime() < deadline && quietRounds < QUIET_ROUNDS) {
            sleep(1000);
            long waiting;
            try {
                waiting = amqp.waiting();
            } catch (AmqpException e) {
                quietRounds = 0; // a node is down or the broker restarts: not quiet
                continue;
            }
            long done = announcedBooks(sandbox, accepted);
            if (waiting == 0 && done >= accepted.size()) {
                quietRounds = QUIET_ROUNDS;
            } else {
                quietRounds = waiting == 0 && done == lastDone ? quietRounds + 1 : 0;
            }
            lastDone = done;
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                progress.accept("archived and announced " + done + "/" + accepted.size() + ", " + waiting
                        + " messages queued");
                lastReport = System.nanoTime();
            }
        }
    }

    /** Accepted books that have a page and a channel message linking it. */
    private static long announcedBooks(SandboxClient sandbox, Set<String> accepted) {
        Set<String> linkedPages = new HashSet<>();
        for (Map<String, Object> message : sandbox.slackMessages()) {
            Matcher link = PAGE_LINK.matcher(String.valueOf(message.get("text")));
            while (link.find()) {
                linkedPages.add(link.group());
            }
        }
        return sandbox.notionPages().stream().map(NotionPageView::new)
                .filter(p -> accepted.contains(p.bookUrl()) && linkedPages.contains(p.url()))
                .map(NotionPageView::bookUrl).distinct().count();
    }

    private HarnessReport reconcile(Set<String> accepted, List<NotionPageView> pages, List<Map<String, Object>> messages,
            List<Message> dead, long retries, int kills, int connectionsClosed, HarnessReport.BrokerEvents brokerEvents,
            Map<String, Long> faults,
            Map<String, Long> notion, Duration processing, Duration wallTime) {
        Map<String, List<NotionPageView>> pagesByUrl = pages.stream()
                .filter(p -> accepted.contains(p.bookUrl()))
                .collect(Collectors.groupingBy(NotionPageView::bookUrl));
        int duplicatePages = pagesByUrl.values().stream().mapToInt(list -> list.size() - 1).sum();
        int duplicateMessages = 0;
        int messageCount = 0;
        Set<String> complete = new HashSet<>();
        for (Map.Entry<String, List<NotionPageView>> entry : pagesByUrl.entrySet()) {
            int linking = 0;
            for (NotionPageView page : entry.getValue()) {
                linking += (int) messages.stream().filter(m -> String.valueOf(m.get("text")).contains(page.url())).count();
            }
            messageCount += linking;
            duplicateMessages += Math.max(0, linking - 1);
            if (linking >= 1) {
                complete.add(entry.getKey());
            }
        }
        Map<String, Integer> deadByReason = new HashMap<>();
        Set<String> deadUrls = new HashSet<>();
        int malformed = 0;
        for (Message message : dead) {
            String reason = message.getMessageProperties().getHeader(JobHeaders.DEAD_REASON);
            try {
                BookJob job = codec.decode(message.getBody());
                if (accepted.contains(job.recommendation().bookUrl())) {
                    deadUrls.add(job.recommendation().bookUrl());
                    deadByReason.merge(String.valueOf(reason), 1, Integer::sum);
                }
            } catch (MalformedJobException e) {
                if ("malformed-job".equals(reason)) {
                    malformed++;
                }
            }
        }
        int lost = 0;
        for (String url : accepted) {
            if (!complete.contains(url) && !deadUrls.contains(url)) {
                lost++;
            }
        }
        return new HarnessReport(options.jobs(), accepted.size(), pagesByUrl.values().stream().mapToInt(List::size).sum(),
                messageCount, duplicatePages, duplicateMessages, deadByReason, options.malformed(), malformed, lost,
                retries, kills, connectionsClosed, brokerEvents, faults, notion.get("calls"), notion.get("rate-limited"),
                notion.get("lost-answer"), processing, wallTime);
    }

    private static Map<String, Long> faultsInjected(SandboxClient sandbox) {
        Map<String, Long> faults = new HashMap<>();
        sandbox.stats().forEach((api, counts) -> faults.put(api.toLowerCase(),
                counts.get("calls") - counts.get("answered")));
        return faults;
    }

    /** Every "retry in" line the workers logged: one per transient failure that was scheduled again. */
    private static long countRetries(Path logs) {
        try (Stream<Path> files = Files.list(logs)) {
            long total = 0;
            for (Path log : files.filter(f -> f.getFileName().toString().matches("(enrich-worker|notion-writer).*\\.log"))
                    .toList()) {
                try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    total += lines.filter(line -> line.contains(", retry in ")).count();
                }
            }
            return total;
        } catch (IOException e) {
            return -1;
        }
    }

    static Map<String, String> brokerFromEnvironment() {
        return BrokerAddress.fromEnvironment(System.getenv()).environment();
    }

    private static Path currentJava() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs the harness"));
    }

    /** The harness's own pace (a poll interval, an outage's length), not a wait for something to happen. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

}
