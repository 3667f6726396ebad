package bookbot.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * The harness's command line, as {@code ./harness} passes it on: what each option sets, what is refused and how.
 * Nothing here starts a run: refused options stop the command before it runs.
 */
class HarnessOptionsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void withoutOptionsTheRunUsesTheMachinesBrokerUnpacedAndUndisturbed() {
        HarnessOptions options = parse();

        assertThat(options.broker()).isEqualTo(HarnessOptions.BrokerFaults.NONE);
        assertThat(options.submitPerSecond()).isZero();
        assertThat(options.killEvery()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.production()).isEqualTo(HarnessOptions.ProductionFaults.NONE);
    }

    @Test
    void withoutOptionsTheRunIsTheSmallConfigurationOnThisCheckout() {
        HarnessOptions options = parse();

        assertThat(options.jobs()).isEqualTo(200);
        assertThat(options.processes()).isEqualTo(2);
        assertThat(options.concurrency()).isEqualTo(4);
        assertThat(options.failRate()).isEqualTo(0.1);
        assertThat(options.malformed()).isEqualTo(5);
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.notionLimit()).isZero();
        assertThat(options.writerLimit()).isZero();
        assertThat(options.repository()).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(options.servicesFrom()).isEqualTo(options.repository());
    }

    @Test
    void aClusterRunNamesItsFaultsAndPace() {
        HarnessOptions options = parse("--jobs=60", "--submit-per-second=2", "--cluster", "--cluster-port=5721",
                "--kill-node", "--rolling-restart", "--restart-broker");

        assertThat(options.jobs()).isEqualTo(60);
        assertThat(options.submitPerSecond()).isEqualTo(2);
        assertThat(options.broker()).isEqualTo(HarnessOptions.BrokerFaults.onCluster(5721, true, true, true));
        assertThat(options.servicesFrom()).isEqualTo(options.repository());
    }

    @Test
    void aValueFollowsItsOptionAfterAnEqualsSignOrASpace() {
        HarnessOptions options = parse("--jobs", "60", "--kill-every-ms=0", "--fail-rate", "0");

        assertThat(options.jobs()).isEqualTo(60);
        assertThat(options.killEvery()).isZero();
        assertThat(options.failRate()).isZero();
    }

    @Test
    void theProductionFaultsRunOfTheDocsSetsEachFault() {
        // docs/fault-harness-runs.md
        HarnessOptions options = parse("--jobs=300", "--processes=2", "--kill-every-ms=0", "--fail-rate=0",
                "--malformed=0", "--close-connections-every-ms=3000", "--notion-lost-create-rate=0.05",
                "--notion-create-latency-ms=800", "--notion-query-lag-ms=500", "--not-in-channel");

        assertThat(options.production()).isEqualTo(new HarnessOptions.ProductionFaults(Duration.ofSeconds(3), 0.05,
                Duration.ofMillis(800), Duration.ofMillis(500), true));
        assertThat(options.malformed()).isZero();
    }

    @Test
    void theWritersHoldToTheSandboxsNotionLimitUnlessGivenOneOfTheirOwn() {
        assertThat(parse("--notion-limit=3").writerLimit()).isEqualTo(3);
        assertThat(parse("--notion-limit=3", "--writer-limit=2").writerLimit()).isEqualTo(2);
    }

    @Test
    void anEarlierReleasesServicesRunFromItsOwnCheckout() {
        HarnessOptions options = parse("--repository=/work/now/../bookbot", "--services-from=/releases/a1d8441",
                "--timeout-seconds=900");

        assertThat(options.repository()).isEqualTo(Path.of("/work/bookbot"));
        assertThat(options.servicesFrom()).isEqualTo(Path.of("/releases/a1d8441"));
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theLastValueOfAnOptionWinsSoTheCallerOverridesTheScriptsRepository() {
        // ./harness runs the jar with --repository=. before the caller's options
        assertThat(parse("--repository=.", "--repository=/elsewhere").repository()).isEqualTo(Path.of("/elsewhere"));
    }

    @Test
    void aMatrixRunNamesItsFileAndTheEarlierRelease() {
        FaultHarness harness = new FaultHarness();
        FaultHarness.commandLine(harness).parseArgs("--matrix=docs/fault-harness-matrix.md",
                "--earlier=../releases/a1d8441", "--jobs=60", "--submit-per-second=2", "--malformed=3");

        assertThat(harness.matrix).isEqualTo(Path.of("docs/fault-harness-matrix.md"));
        assertThat(harness.earlier).isEqualTo(Path.of("../releases/a1d8441"));
        assertThat(harness.run.options().jobs()).isEqualTo(60);
    }

    @Test
    void nodeFaultsNeedACluster() {
        assertThat(execute("--kill-node")).isEqualTo(2);
        assertThat(execute("--rolling-restart")).isEqualTo(2);

        assertThat(err.toString()).contains("--kill-node and --rolling-restart need --cluster");
    }

    @Test
    void anUnknownOptionIsRefusedWithTheKnownOnesItResembles() {
        assertThat(execute("--cluster", "--kil-node")).isEqualTo(2);

        assertThat(err.toString()).contains("Unknown option: '--kil-node'").contains("--kill-node");
    }

    @Test
    void anUnknownOptionWithAValueIsRefusedNotIgnored() {
        assertThat(execute("--jbos=60")).isEqualTo(2);

        assertThat(err.toString()).contains("Unknown option: '--jbos=60'");
    }

    @Test
    void aBadValueIsRefusedNamingTheOptionAndTheUsage() {
        assertThat(execute("--jobs=many")).isEqualTo(2);

        assertThat(err.toString()).contains("Invalid value for option '--jobs': 'many' is not an int")
                .contains("Usage: harness");
    }

    @Test
    void aFlagTakesNoValue() {
        assertThat(execute("--cluster=5701")).isEqualTo(2);
    }

    @Test
    void helpDescribesEveryOptionWithItsDefault() {
        assertThat(execute("--help")).isZero();

        assertThat(out.toString().replaceAll("\\s+", " ")).startsWith("Usage: harness")
                .contains("--jobs=N", "books submitted through signed Slack requests (default 200)")
                .contains("--kill-every-ms=MS", "(default 3000)")
                .contains("--fail-rate=SHARE", "(default 0.1)")
                .contains("--cluster-port=PORT", "(default 5701)")
                .contains("--writer-limit=RATE", "(default: --notion-limit)")
                .contains("--submit-per-second", "--processes", "--concurrency", "--malformed", "--restart-broker",
                        "--timeout-seconds", "--cluster ", "--kill-node", "--rolling-restart", "--notion-limit",
                        "--close-connections-every-ms", "--notion-lost-create-rate", "--notion-create-latency-ms",
                        "--notion-query-lag-ms", "--not-in-channel", "--repository", "--services-from", "--matrix",
                        "--earlier")
                .contains("Exit codes:");
    }

    @Test
    void aRunOnASharedBrokerReportsOnlyWhatHappenedDuringIt() {
        HarnessReport.BrokerEvents before = new HarnessReport.BrokerEvents(true, 1, 2, 3);
        HarnessReport.BrokerEvents after = new HarnessReport.BrokerEvents(true, 1, 3, 6);

        assertThat(after.since(before)).isEqualTo(new HarnessReport.BrokerEvents(true, 0, 1, 3));
    }

    /** What the harness would run with these options. */
    private static HarnessOptions parse(String... args) {
        FaultHarness harness = new FaultHarness();
        FaultHarness.commandLine(harness).parseArgs(args);
        return harness.run.options();
    }

    /** The exit code, for options that are refused or only ask for help (those never start a run). */
    private int execute(String... args) {
        return FaultHarness.commandLine(new FaultHarness()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }
}
