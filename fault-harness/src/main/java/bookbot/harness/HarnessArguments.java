package bookbot.harness;

import java.nio.file.Path;
import java.time.Duration;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of one harness run, as picocli fills them from the command line; {@link #options()} is the run. */
class HarnessArguments {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "200",
            description = "books submitted through signed Slack requests (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--submit-per-second", paramLabel = "RATE", defaultValue = "0",
            description = "how fast they are submitted; 0 for all at once (default ${DEFAULT-VALUE})")
    double submitPerSecond;

    @Option(names = "--processes", paramLabel = "P", defaultValue = "2",
            description = "enrich-worker processes, and as many notion-writer processes (default ${DEFAULT-VALUE})")
    int processes;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "jobs each worker process works on at once (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--kill-every-ms", paramLabel = "MS", defaultValue = "3000",
            description = "kill (SIGKILL) and replace a random worker process this often; 0 for never"
                    + " (default ${DEFAULT-VALUE})")
    long killEveryMs;

    @Option(names = "--fail-rate", paramLabel = "SHARE", defaultValue = "0.1",
            description = "share of calls each fake fails: 5xx, 429 with Retry-After and time-outs, evenly"
                    + " (default ${DEFAULT-VALUE})")
    double failRate;

    @Option(names = "--malformed", paramLabel = "N", defaultValue = "5",
            description = "malformed messages published straight to the submitted queue (default ${DEFAULT-VALUE})")
    int malformed;

    @Option(names = "--timeout-seconds", paramLabel = "S", defaultValue = "600",
            description = "how long to wait for the pipeline to finish the jobs (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--restart-broker",
            description = "restart the broker once, half-way through submitting, keeping its data (on --cluster:"
                    + " every node)")
    boolean restartBroker;

    @Option(names = "--cluster",
            description = "run on a 3-node RabbitMQ cluster of the run's own instead of the machine's broker")
    boolean cluster;

    @Option(names = "--cluster-port", paramLabel = "PORT",
            defaultValue = "" + HarnessOptions.BrokerFaults.DEFAULT_CLUSTER_PORT,
            description = "the cluster's AMQP ports are PORT to PORT+2 (default ${DEFAULT-VALUE})")
    int clusterPort;

    @Option(names = "--kill-node",
            description = "with --cluster: SIGKILL node a (the queues' leader) half-way, start it again after a while")
    boolean killNode;

    @Option(names = "--rolling-restart",
            description = "with --cluster: stop and start the nodes one after the other, as an upgrade does")
    boolean rollingRestart;

    @Option(names = "--notion-limit", paramLabel = "RATE", defaultValue = "0",
            description = "requests/s the sandbox's Notion allows, 429 beyond; 0 for no limit (default ${DEFAULT-VALUE})")
    double notionLimit;

    @Option(names = "--writer-limit", paramLabel = "RATE",
            description = "requests/s the writers hold themselves to, all together (default: --notion-limit)")
    Double writerLimit;

    @Option(names = "--close-connections-every-ms", paramLabel = "MS", defaultValue = "0",
            description = "the broker closes the connections of the workers that hold jobs this often; 0 for never"
                    + " (default ${DEFAULT-VALUE})")
    long closeConnectionsEveryMs;

    @Option(names = "--notion-lost-create-rate", paramLabel = "SHARE", defaultValue = "0",
            description = "share of Notion page creates whose page is stored but whose answer is lost"
                    + " (default ${DEFAULT-VALUE})")
    double notionLostCreateRate;

    @Option(names = "--notion-create-latency-ms", paramLabel = "MS", defaultValue = "0",
            description = "how long each Notion page create takes (default ${DEFAULT-VALUE})")
    long notionCreateLatencyMs;

    @Option(names = "--notion-query-lag-ms", paramLabel = "MS", defaultValue = "0",
            description = "how long a new page stays invisible to Notion's database query (default ${DEFAULT-VALUE})")
    long notionQueryLagMs;

    @Option(names = "--not-in-channel",
            description = "the bot was never invited: Slack refuses it the channel's history")
    boolean notInChannel;

    @Option(names = "--repository", paramLabel = "DIR", defaultValue = ".",
            description = "the built checkout whose sandbox, and by default services, run (default ${DEFAULT-VALUE})")
    Path repository;

    @Option(names = "--services-from", paramLabel = "DIR",
            description = "the built checkout whose gateway and worker jars run, e.g. an earlier release's"
                    + " (default: --repository)")
    Path servicesFrom;

    /** @throws ParameterException when the options contradict each other (node faults without --cluster) */
    HarnessOptions options() {
        Path repository = absolute(this.repository);
        return new HarnessOptions(jobs, submitPerSecond, processes, concurrency, Duration.ofMillis(killEveryMs),
                failRate, malformed, broker(), Duration.ofSeconds(timeoutSeconds), repository, notionLimit,
                writerLimit == null ? notionLimit : writerLimit, production(),
                servicesFrom == null ? repository : absolute(servicesFrom));
    }

    private HarnessOptions.BrokerFaults broker() {
        try {
            return new HarnessOptions.BrokerFaults(cluster, clusterPort, restartBroker, killNode, rollingRestart);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    private HarnessOptions.ProductionFaults production() {
        return new HarnessOptions.ProductionFaults(Duration.ofMillis(closeConnectionsEveryMs), notionLostCreateRate,
                Duration.ofMillis(notionCreateLatencyMs), Duration.ofMillis(notionQueryLagMs), notInChannel);
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
