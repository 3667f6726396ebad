package bookbot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the broker alone moves on this machine: RabbitMQ PerfTest, one producer and one consumer on a durable
 * quorum queue, persistent messages the size of a job, publisher confirms (100 outstanding) and manual acks
 * (prefetch 100) — the same guarantees the pipeline asks for, minus its work.
 */
final class PerfTestCeiling {

    record Result(double sentPerSecond, double receivedPerSecond, int messageBytes) {
    }

    private static final Pattern RECEIVED = Pattern.compile("receiving rate avg: ([0-9.]+) msg/s");
    private static final Pattern SENT = Pattern.compile("sending rate avg: ([0-9.]+) msg/s");

    private final BenchEnvironment environment;

    PerfTestCeiling(BenchEnvironment environment) {
        this.environment = environment;
    }

    Result measure(int messageBytes, Duration duration, Path log) throws IOException, InterruptedException {
        String queue = environment.newNamespace() + ".perftest";
        List<String> command = List.of(environment.java().toString(), "-cp", System.getProperty("java.class.path"),
                "com.rabbitmq.perf.PerfTest", "--uri", environment.broker().uri(),
                "--producers", "1", "--consumers", "1", "--queue", queue, "--auto-delete", "false",
                "--queue-args", "x-queue-type=quorum", "--flag", "persistent", "--size", String.valueOf(messageBytes),
                "--confirm", "100", "--qos", "100", "--time", String.valueOf(duration.toSeconds()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("PerfTest did not finish; see " + log);
            }
        } finally {
            process.destroyForcibly();
            environment.broker().deleteQueue(queue);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return new Result(rate(SENT, output, log), rate(RECEIVED, output, log), messageBytes);
    }

    private static double rate(Pattern pattern, String output, Path log) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("PerfTest printed no '" + pattern.pattern() + "'; see " + log);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
