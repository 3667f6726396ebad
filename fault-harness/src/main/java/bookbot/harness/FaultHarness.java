package bookbot.harness;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code java -jar fault-harness.jar [options]}: runs the pipeline under faults and worker kills and checks
 * that no accepted book was lost or duplicated. Exit status 0 when none was, 1 when one was, 2 when the run
 * itself failed or the options are wrong.
 */
@Command(name = "harness", mixinStandardHelpOptions = true, version = "harness 0.1.0", sortOptions = false,
        description = "Runs the sandbox, the gateway and the workers as processes against RabbitMQ, submits books"
                + " while faults are injected and workers killed, then checks every accepted book: one Notion page"
                + " and one channel message, or one dead letter.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:pass: no accepted book was lost or duplicated (with --matrix: in every run of this version)",
                "1:fail: books were lost or duplicated",
                "2:the run itself failed, or a usage error"})
public final class FaultHarness implements Callable<Integer> {

    @Mixin
    HarnessArguments run;

    @Option(names = "--matrix", paramLabel = "FILE",
            description = "run every fault class, on one node and on a 3-node cluster, and write their tables to"
                    + " FILE; the other options set what the runs share")
    Path matrix;

    @Option(names = "--earlier", paramLabel = "DIR",
            description = "with --matrix: an earlier release's built checkout, whose services run beside this"
                    + " version's")
    Path earlier;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final Consumer<String> progress =
            line -> out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + line);

    public static void main(String[] args) {
        System.exit(commandLine(new FaultHarness()).execute(args));
    }

    /** A later value of an option wins, as ./harness's own --repository=. lets the caller's through. */
    static CommandLine commandLine(FaultHarness harness) {
        return new CommandLine(harness).setOverwrittenOptionsAllowed(true);
    }

    @Override
    public Integer call() {
        HarnessOptions options = run.options();
        return matrix != null ? matrix(options) : single(options);
    }

    private int matrix(HarnessOptions options) {
        Path earlier = this.earlier == null ? null : this.earlier.toAbsolutePath().normalize();
        boolean passed = new HarnessMatrix(options, earlier, matrix, HarnessRun.brokerFromEnvironment(), progress).run();
        out.println((passed ? "PASS" : "FAIL") + ": tables in " + matrix);
        return passed ? 0 : 1;
    }

    private int single(HarnessOptions options) {
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
            return report.passed() ? 0 : 1;
        } catch (RuntimeException e) {
            out.println("harness run failed: " + e.getMessage());
            return 2;
        }
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
}
