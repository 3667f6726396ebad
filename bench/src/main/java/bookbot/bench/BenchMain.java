package bookbot.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import bookbot.core.job.JobCodec;
import bookbot.core.messaging.JobMessages;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.SandboxClient;
import bookbot.sandbox.client.SignedRequest;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackMember;
import bookbot.sandbox.client.SlackRequests;
import bookbot.sandbox.launch.Pipeline;
import bookbot.sandbox.launch.PipelineSettings;

/**
 * {@code ./benchmark [--quick] [--out=DIR]}: threads or processes? Runs the five parts against the packaged services as
 * separate processes, the sandbox and the local RabbitMQ, prints a line per measurement, and writes CSV, Markdown
 * and PNG charts to {@code results/}; a full run into results/ then rewrites docs/threads-or-processes.md's tables
 * from them, which {@code --render-docs} does alone. Exit status 0 when every part completed.
 */
public final class BenchMain {

    private final BenchOptions options;
    private final BenchEnvironment environment;
    private final Results results = new Results();
    private final long started = System.nanoTime();
    private final int cores = Runtime.getRuntime().availableProcessors();

    private BenchMain(BenchOptions options, BenchEnvironment environment) {
        this.options = options;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of(".")));
    }

    /**
     * @param repository a built checkout (the services' jars under {@code <module>/target})
     * @return the exit code: 0 when every part completed
     */
    static int run(String[] args, Path repository) {
        return BenchCommand.commandLine(new BenchCommand(repository)).execute(args);
    }

    /** Runs every part and writes the results (or, with --render-docs, only the doc); returns 0, or throws. */
    static int measure(BenchOptions options, Path repository) throws Exception {
        Path page = repository.resolve(ThreadsOrProcessesDoc.PAGE);
        if (options.renderDocs()) {
            ThreadsOrProcessesDoc.update(options.out(), page);
            System.out.println("rendered " + page + " from " + options.out());
            return 0;
        }
        Path logs = repository.resolve("target/bench-logs");
        try (BenchEnvironment environment = new BenchEnvironment(repository.toAbsolutePath().normalize(), logs.toAbsolutePath())) {
            BenchMain bench = new BenchMain(options, environment);
            bench.runAllParts();
            Files.createDirectories(options.out());
            String command = "./benchmark" + (options.quick() ? " --quick" : "");
            ResultFiles.write(bench.results, options.out(), bench.cores, command);
            Charts.draw(bench.results, options.out(), bench.cores);
            if (!options.quick() && sameDirectory(options.out(), repository.resolve("results"))) {
                ThreadsOrProcessesDoc.update(options.out(), page);
                bench.progress("rendered %s from %s", page, options.out());
            }
            bench.progress("done: results in %s", options.out().toAbsolutePath());
            return 0;
        }
    }

    Results results() {
        return results;
    }

    /** The page shows results/ (its charts are there): only a run written there may change its tables. */
    private static boolean sameDirectory(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private void runAllParts() throws Exception {
        WorkerScaling workers = new WorkerScaling(environment, options);
        List<WorkerConfig> io = Plan.ioBound(options.quick());
        for (int i = 0; i < io.size(); i++) {
            WorkerResult r = workers.measure(io.get(i));
            results.ioBound.add(r);
            progress("1 I/O-bound %d/%d  %-16s C=%-4d %7.1f jobs/s (%3.0f%% of C/0.65 s)  p50 %6.0f ms  p99 %6.0f ms  RSS %5.0f MB",
                    i + 1, io.size(), r.config().label(), r.config().concurrency(), r.jobsPerSecond(),
                    100 * r.jobsPerSecond() / Results.littleLimit(r.config()), r.p50Ms(), r.p99Ms(), r.workerRssMb());
        }
        List<WorkerConfig> cpu = Plan.cpuBound(options.quick());
        for (int i = 0; i < cpu.size(); i++) {
            WorkerResult r = workers.measure(cpu.get(i));
            results.cpuBound.add(r);
            progress("2 CPU-bound %d/%d  %-16s C=%-2d %6.1f jobs/s  machine CPU %5.1f ms/job  p50 %6.0f ms",
                    i + 1, cpu.size(), r.config().label(), r.config().concurrency(), r.jobsPerSecond(),
                    r.machineCpuMsPerJob(), r.p50Ms());
        }
        brokerCeiling(workers);
        slackBudget();
        List<WorkerConfig> notion = Plan.notionLimited(options.quick());
        WorkerScaling longer = new WorkerScaling(environment, new BenchOptions(options.quick(), options.out(),
                options.warmUp().multipliedBy(2), options.measure().multipliedBy(2), false));
        for (int i = 0; i < notion.size(); i++) {
            WorkerResult r = longer.measure(notion.get(i));
            results.notionLimited.add(r);
            progress("5 Notion-limited %d/%d  writers %-14s %5.2f jobs/s  Notion calls %d, 429 %d",
                    i + 1, notion.size(), r.config().label(), r.jobsPerSecond(), r.notionCalls(), r.notion429());
        }
    }

    private void brokerCeiling(WorkerScaling workers) throws Exception {
        results.zeroLatencyPipeline = workers.measure(Plan.zeroLatencyPipeline(options.quick()));
        progress("3 pipeline with zero-latency fakes, %s: %.1f jobs/s", results.zeroLatencyPipeline.config().label(),
                results.zeroLatencyPipeline.jobsPerSecond());
        int messageBytes = new JobMessages(new JobCodec()).toMessage(SampleJob.enriched()).getBody().length;
        Path log = environment.logs().resolve("perftest.log");
        Files.createDirectories(log.getParent());
        results.brokerAlone = new PerfTestCeiling(environment).measure(messageBytes,
                options.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(15), log);
        progress("3 PerfTest, broker alone: %.0f msg/s received (%d-byte persistent messages, quorum queue, confirms)",
                results.brokerAlone.receivedPerSecond(), messageBytes);
    }

    private void slackBudget() throws Exception {
        SandboxClient sandbox = environment.sandbox();
        Duration duration = options.quick() ? Duration.ofSeconds(3) : Duration.ofSeconds(8);
        GatewayLoad load = new GatewayLoad();
        SlackRequests slack = new SlackRequests(PipelineSettings.SLACK_SIGNING_SECRET, java.time.Clock.systemUTC());
        String namespace = environment.newNamespace();
        try (Pipeline gateway = Pipeline.start(environment.settings(namespace, Map.of()), new Pipeline.Layout(false, true, 0, 0))) {
            PipelineSettings settings = gateway.settings();
            URI endpoint = URI.create(settings.gatewayUrl() + "/slack/events");
            SlackMember member = new SlackMember("U0BENCH", slack, new SlackAppClient(endpoint), sandbox);
            // One opened form, submitted again and again with new values: every submission is the same job id
            // (it is the view's), which changes nothing here: no worker runs, and the gateway publishes each one.
            SlackMember.OpenedForm form = member.openForm("/book");
            warmUp(load, endpoint, i -> member.submission(form, submission(i)));
            for (double rate : Plan.gatewayRates(options.quick())) {
                sandbox.reset();
                Plan.IO_LATENCIES.forEach(sandbox::change);
                GatewayLoad.Result r = load.run("queued (bookbot-gateway)", endpoint, i -> member.submission(form, submission(i)),
                        rate, duration);
                results.gateway.add(r);
                progress("4 queued gateway at %3.0f/s: p50 %5.0f ms  p99 %5.0f ms  max %5.0f ms  errors %d", rate, r.p50Ms(),
                        r.p99Ms(), r.maxMs(), r.errors());
            }
        } finally {
            environment.broker().deleteNamespace(namespace);
        }
        try (InlineGateway inline = new InlineGateway(sandbox.baseUrl(), PipelineSettings.SLACK_SIGNING_SECRET)) {
            IntFunction<SignedRequest> inlineSubmission =
                    i -> slack.viewSubmission("U0BENCH", "V0BENCH", "book-form", "{}", submission(i));
            warmUp(load, inline.endpoint(), inlineSubmission);
            for (double rate : Plan.gatewayRates(options.quick())) {
                sandbox.reset();
                Plan.IO_LATENCIES.forEach(sandbox::change);
                GatewayLoad.Result r = load.run("inline baseline (" + InlineGateway.REQUEST_THREADS + " request threads)",
                        inline.endpoint(), inlineSubmission, rate, duration);
                results.gateway.add(r);
                progress("4 inline baseline at %3.0f/s: p50 %5.0f ms  p99 %5.0f ms  max %5.0f ms  errors %d, over 3 s %d",
                        rate, r.p50Ms(), r.p99Ms(), r.maxMs(), r.errors(), r.overBudget());
            }
        }
    }

    /** Two seconds at 50/s, not measured: class loading, JIT and connections are not what Slack's budget is about. */
    private void warmUp(GatewayLoad load, URI endpoint, IntFunction<SignedRequest> submission) throws InterruptedException {
        environment.sandbox().reset();
        Plan.IO_LATENCIES.forEach(environment.sandbox()::change);
        load.run("warm-up", endpoint, submission, 50, Duration.ofSeconds(2));
    }

    private static FormValues submission(int i) {
        return new FormValues("https://ridibooks.com/books/bench-" + UUID.randomUUID(), "소설::SF", "Benchmark submission " + i, null);
    }

    private void progress(String format, Object... args) {
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "[%5.0f s] %s%n", elapsed, String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
