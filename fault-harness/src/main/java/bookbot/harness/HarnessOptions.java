package bookbot.harness;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One harness run.
 *
 * @param jobs          books submitted through signed Slack requests
 * @param submitPerSecond how fast they are submitted; 0 for all at once
 * @param processes     enrich-worker processes, and as many notion-writer processes
 * @param concurrency   jobs each worker process works on at once
 * @param killEvery     a random worker process is killed (SIGKILL) and replaced this often; zero for never
 * @param failRate      share of calls each fake fails, split evenly into 5xx, 429 with Retry-After, and time-outs
 * @param malformed     malformed messages published straight to the submitted queue
 * @param broker        which broker the run uses and what happens to it half-way through submitting
 * @param timeout       how long to wait for the pipeline to finish the jobs
 * @param notionLimit   requests/s the sandbox's Notion allows (429 beyond, like the real one); 0 for no limit
 * @param writerLimit   requests/s the writers hold themselves to, all together (BOOKBOT_NOTION_REQUESTS_PER_SECOND);
 *                      by default the same as notionLimit, 0 (off) when the sandbox sets none
 * @param production    the faults of production brokers and APIs beyond crashes and error answers
 * @param servicesFrom  the built checkout whose gateway and worker jars run (an earlier release's, to compare);
 *                      the sandbox always comes from {@code repository}
 */
public record HarnessOptions(int jobs, double submitPerSecond, int processes, int concurrency, Duration killEvery, double failRate,
        int malformed, BrokerFaults broker, Duration timeout, Path repository, double notionLimit,
        double writerLimit, ProductionFaults production, Path servicesFrom) {

    /**
     * @param cluster        run on a 3-node cluster of the run's own (scripts/rabbitmq-cluster, ports from
     *                       {@code clusterPort}) instead of the machine's broker
     * @param restart        restart the broker once: the node's application (stop_app / start_app), or every node
     *                       of the cluster, keeping their data
     * @param killNode       SIGKILL node a of the cluster (where the queues' leaders and the services' connections
     *                       are), leave it down for {@link #NODE_DOWN}, then start it again
     * @param rollingRestart stop and start the cluster's nodes one after the other, as an upgrade does
     */
    public record BrokerFaults(boolean cluster, int clusterPort, boolean restart, boolean killNode,
            boolean rollingRestart) {

        static final int DEFAULT_CLUSTER_PORT = 5701;
        public static final BrokerFaults NONE = new BrokerFaults(false, DEFAULT_CLUSTER_PORT, false, false, false);
        static final Duration NODE_DOWN = Duration.ofSeconds(15);

        public BrokerFaults {
            if ((killNode || rollingRestart) && !cluster) {
                throw new IllegalArgumentException("--kill-node and --rolling-restart need --cluster");
            }
        }

        public static BrokerFaults onCluster(int clusterPort, boolean restart, boolean killNode, boolean rollingRestart) {
            return new BrokerFaults(true, clusterPort, restart, killNode, rollingRestart);
        }

        boolean any() {
            return restart || killNode || rollingRestart;
        }
    }

    /**
     * @param closeConnectionsEvery how often the workers' broker connections that hold deliveries are closed by
     *                              the broker (rabbitmqctl close_connection), as a network blip or a node failover
     *                              does; zero for never
     * @param lostCreateRate        share of Notion page creates whose page is stored but whose answer is lost
     * @param createLatency         how long each Notion page create takes
     * @param queryLag              how long a new page stays invisible to Notion's database query
     * @param notInChannel          the bot was never invited: Slack refuses it the channel's history
     */
    public record ProductionFaults(Duration closeConnectionsEvery, double lostCreateRate, Duration createLatency,
            Duration queryLag, boolean notInChannel) {

        public static final ProductionFaults NONE = new ProductionFaults(Duration.ZERO, 0, Duration.ZERO,
                Duration.ZERO, false);

        boolean any() {
            return !equals(NONE);
        }
    }

    /** Every jar from {@code repository}. */
    public HarnessOptions(int jobs, double submitPerSecond, int processes, int concurrency, Duration killEvery,
            double failRate, int malformed, BrokerFaults broker, Duration timeout, Path repository, double notionLimit,
            double writerLimit, ProductionFaults production) {
        this(jobs, submitPerSecond, processes, concurrency, killEvery, failRate, malformed, broker, timeout,
                repository, notionLimit, writerLimit, production, repository);
    }
}
