package bookbot.harness;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * {@code java -jar fault-harness.jar [options]}: runs the pipeline under faults and worker kills and checks
 * that no accepted book was lost or duplicated. Exit status 0 when none was, 1 when one was, 2 when the run
 * itself failed.
 */
public final class FaultHarness {

    private FaultHarness() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            System.exit(2);
            return;
        }
        out.printf("fault harness: %d jobs, %d+%d worker processes × %d, kill every %d ms, %.0f%% faults, "
                + "%d malformed%s%n", options.jobs(), options.processes(), options.processes(), options.concurrency(),
                options.killEvery().toMillis(), options.failRate() * 100, options.malformed(),
                options.restartBroker() ? ", broker restart" : "");
        try {
            HarnessReport report = new HarnessRun(options, HarnessRun.brokerFromEnvironment(),
                    line -> out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + line)).execute();
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
