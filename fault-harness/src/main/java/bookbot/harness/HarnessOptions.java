package bookbot.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One harness run.
 *
 * @param jobs          books submitted through signed Slack requests
 * @param processes     enrich-worker processes, and as many notion-writer processes
 * @param concurrency   jobs each worker process works on at once
 * @param killEvery     a random worker process is killed (SIGKILL) and replaced this often; zero for never
 * @param failRate      share of calls each fake fails, split evenly into 5xx, 429 with Retry-After, and time-outs
 * @param malformed     malformed messages published straight to the submitted queue
 * @param restartBroker restart RabbitMQ (rabbitmqctl stop_app / start_app) once, half-way through submitting
 * @param timeout       how long to wait for the pipeline to finish the jobs
 * @param notionLimit   requests/s the sandbox's Notion allows (429 beyond, like the real one); 0 for no limit
 * @param writerLimit   requests/s the writers hold themselves to, all together (BOOKBOT_NOTION_REQUESTS_PER_SECOND);
 *                      by default the same as notionLimit, 0 (off) when the sandbox sets none
 * @param production    the faults of production brokers and APIs beyond crashes and error answers
 */
public record HarnessOptions(int jobs, int processes, int concurrency, Duration killEvery, double failRate,
        int malformed, boolean restartBroker, Duration timeout, Path repository, double notionLimit,
        double writerLimit, ProductionFaults production) {

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

    public static HarnessOptions parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--restart-broker") || arg.equals("--not-in-channel")) {
                options.put(arg.substring(2), "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        return new HarnessOptions(
                Integer.parseInt(options.getOrDefault("jobs", "200")),
                Integer.parseInt(options.getOrDefault("processes", "2")),
                Integer.parseInt(options.getOrDefault("concurrency", "4")),
                Duration.ofMillis(Long.parseLong(options.getOrDefault("kill-every-ms", "3000"))),
                Double.parseDouble(options.getOrDefault("fail-rate", "0.1")),
                Integer.parseInt(options.getOrDefault("malformed", "5")),
                Boolean.parseBoolean(options.getOrDefault("restart-broker", "false")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "600"))),
                Path.of(options.getOrDefault("repository", ".")).toAbsolutePath().normalize(),
                Double.parseDouble(options.getOrDefault("notion-limit", "0")),
                Double.parseDouble(options.getOrDefault("writer-limit", options.getOrDefault("notion-limit", "0"))),
                new ProductionFaults(
                        Duration.ofMillis(Long.parseLong(options.getOrDefault("close-connections-every-ms", "0"))),
                        Double.parseDouble(options.getOrDefault("notion-lost-create-rate", "0")),
                        Duration.ofMillis(Long.parseLong(options.getOrDefault("notion-create-latency-ms", "0"))),
                        Duration.ofMillis(Long.parseLong(options.getOrDefault("notion-query-lag-ms", "0"))),
                        Boolean.parseBoolean(options.getOrDefault("not-in-channel", "false"))));
    }

    static final String USAGE = "usage: harness [--jobs=200] [--processes=2] [--concurrency=4] [--kill-every-ms=3000] "
            + "[--fail-rate=0.1] [--malformed=5] [--restart-broker] [--timeout-seconds=600] [--repository=.] "
            + "[--notion-limit=0] [--writer-limit=<notion-limit>] [--close-connections-every-ms=0] "
            + "[--notion-lost-create-rate=0] [--notion-create-latency-ms=0] [--notion-query-lag-ms=0] [--not-in-channel]";
}
