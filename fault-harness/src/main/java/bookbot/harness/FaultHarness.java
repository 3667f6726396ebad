package bookbot.harness;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code java -jar fault-harness.jar [options]}: runs the pipeline under faults and worker kills and checks
 * that no accepted book was lost or duplicated. Exit status 0 when none was, 1 when one was, 2 when the run
 * itself failed.
 */
public final class FaultHarness {

    private FaultHarness() {
    }

    private static String brokerFaults(HarnessOptions.BrokerFaults broker) {
        StringBuilder out = new StringBuilder(broker.cluster() ? "3-node cluster" : "one broker node");
        if (broker.killNode()) {
            out.append(", a node killed");
        }
        if (broker.rollingRestart()) {
            out.append(", a rolling restart");
        }
        if (broker.restart()) {
            out.append(", a broker restart");
        }
        return out.toString();
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Consumer<String> progress = line -> out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + line);
        // --matrix=FILE [--earlier=DIR]: every fault class; the other options set what each run shares.
        Map<String, String> matrix = new HashMap<>();
        List<String> runArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--matrix=") || arg.startsWith("--earlier=")) {
                matrix.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                runArgs.add(arg);
            }
        }
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(runArgs.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage() + " [--matrix=FILE [--earlier=<built checkout>]]");
            System.exit(2);
            return;
        }
        if (matrix.containsKey("matrix")) {
            Path earlier = matrix.containsKey("earlier") ? Path.of(matrix.get("earlier")).toAbsolutePath().normalize()
                    : null;
            boolean passed = new HarnessMatrix(options, earlier, Path.of(matrix.get("matrix")),
                    HarnessRun.brokerFromEnvironment(), progress).run();
            out.println((passed ? "PASS" : "FAIL") + ": tables in " + matrix.get("matrix"));
            System.exit(passed ? 0 : 1);
        }
        out.printf("fault harness: %d jobs, %d+%d worker processes × %d, kill every %d ms, %.0f%% faults, "
                + "%d malformed, %s%n", options.jobs(), options.processes(), options.processes(), options.concurrency(),
                options.killEvery().toMillis(), options.failRate() * 100, options.malformed(), brokerFaults(options.broker()));
        try {
            HarnessReport report = HarnessRun.execute(options, HarnessRun.brokerFromEnvironment(), progress);
            out.println();
            out.print(report.table());
            out.println();
            out.println(report.passed() ? "PASS: every accepted job is one page and one message, or one dead letter"
                    : "FAIL: jobs were lost or duplicated");
            System.exit(report.passed() ? 0 : 1);
        } catch (RuntimeException e) {
            out.println("harness run failed: " + e.getMessage());
            System.exit(2);
        }
    }
}
