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
 */
public record HarnessOptions(int jobs, int processes, int concurrency, Duration killEvery, double failRate,
        int malformed, boolean restartBroker, Duration timeout, Path repository, double notionLimit,
        double writerLimit) {

    public static HarnessOptions parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--restart-broker")) {
                options.put("restart-broker", "true");
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
                Double.parseDouble(options.getOrDefault("writer-limit", options.getOrDefault("notion-limit", "0"))));
    }

    static final String USAGE = "usage: harness [--jobs=200] [--processes=2] [--concurrency=4] [--kill-every-ms=3000] "
            + "[--fail-rate=0.1] [--malformed=5] [--restart-broker] [--timeout-seconds=600] [--repository=.] "
            + "[--notion-limit=0] [--writer-limit=<notion-limit>]";
}
