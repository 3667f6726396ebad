package bookbot.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import bookbot.core.job.JobCodec;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Topology;
import bookbot.sandbox.client.SandboxClient;
import bookbot.sandbox.launch.Pipeline;
import bookbot.sandbox.launch.PipelineSettings;
import bookbot.sandbox.launch.ServiceProcess;

/** Starts the workers of one configuration as processes, drives jobs through them and measures, then stops them. */
final class WorkerScaling {

    private final BenchEnvironment environment;
    private final BenchOptions options;

    WorkerScaling(BenchEnvironment environment, BenchOptions options) {
        this.environment = environment;
        this.options = options;
    }

    WorkerResult measure(WorkerConfig config) throws InterruptedException {
        String namespace = environment.newNamespace();
        SandboxClient sandbox = environment.sandbox();
        sandbox.reset();
        config.knobs().forEach(sandbox::change);
        Map<String, String> services = new HashMap<>(Map.of(
                "BOOKBOT_WORKER_CONCURRENCY", String.valueOf(config.threads()),
                "BOOKBOT_WORKER_THREADS", config.threadKind(),
                "BOOKBOT_NOTION_REQUESTS_PER_SECOND", String.valueOf(config.notionLimit())));
        if (config.cpuHashes() > 0) {
            services.put("LOADER_PATH", environment.cpuStageJar().toString());
            services.put("BOOKBOT_BENCH_ENRICH_CPU_HASHES", String.valueOf(config.cpuHashes()));
        }
        PipelineSettings settings = environment.settings(namespace, services);
        CachingConnectionFactory connections = environment.broker().connectionFactory();
        try (Pipeline workers = Pipeline.start(settings,
                new Pipeline.Layout(false, false, config.processes(), config.processes()))) {
            List<Long> pids = workers.processes().stream().map(ServiceProcess::pid).toList();
            ClosedLoopDriver driver = new ClosedLoopDriver(new RabbitTemplate(connections), new Topology(namespace),
                    new JobMessages(new JobCodec()), sandbox);
            double[] startCounters = new double[2];
            ClosedLoopDriver.Window window = driver.run(2 * config.concurrency() + 4, options.warmUp(), options.measure(),
                    () -> {
                        startCounters[0] = ProcessStats.cpuTime(pids).toNanos() / 1e6;
                        startCounters[1] = ProcessStats.machineBusySeconds();
                    });
            double workerCpuMs = ProcessStats.cpuTime(pids).toNanos() / 1e6 - startCounters[0];
            double machineCpuMs = (ProcessStats.machineBusySeconds() - startCounters[1]) * 1000;
            double rssMb = ProcessStats.totalRssBytes(pids) / (1024.0 * 1024.0);
            Map<String, Long> notion = sandbox.stats().getOrDefault("NOTION", Map.of());
            int completed = Math.max(1, window.completed());
            return new WorkerResult(config, window.completed(), window.jobsPerSecond(),
                    Percentiles.of(window.latenciesMs(), 50), Percentiles.of(window.latenciesMs(), 99),
                    workerCpuMs / completed, machineCpuMs / completed, rssMb,
                    notion.getOrDefault("calls", 0L), notion.getOrDefault("rate-limited", 0L));
        } finally {
            connections.destroy();
            environment.broker().deleteNamespace(namespace);
        }
    }
}
