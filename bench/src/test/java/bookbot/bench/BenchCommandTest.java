package bookbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's command line, as {@code ./benchmark} passes it on: what each option sets, what is refused and
 * how. Nothing here measures anything.
 */
class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void withoutOptionsTheFullRunWritesTheResultsTheDocsShow() {
        BenchOptions options = parse();

        assertThat(options.quick()).isFalse();
        assertThat(options.out()).isEqualTo(Path.of("results"));
        assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.measure()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aQuickRunHasShortWindowsAndLeavesTheFullRunsResultsAlone() {
        BenchOptions options = parse("--quick");

        assertThat(options.quick()).isTrue();
        assertThat(options.out()).isEqualTo(Path.of("target/bench-quick"));
        assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.measure()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theResultsGoWhereAskedAfterAnEqualsSignOrASpace() {
        // BenchIT
        assertThat(parse("--quick", "--out=/tmp/bench").out()).isEqualTo(Path.of("/tmp/bench"));
        assertThat(parse("--out", "/tmp/bench").out()).isEqualTo(Path.of("/tmp/bench"));
    }

    @Test
    void renderDocsRewritesTheDocFromTheFullRunsResults() {
        BenchOptions options = parse("--render-docs");

        assertThat(options.renderDocs()).isTrue();
        assertThat(options.out()).isEqualTo(Path.of("results"));
        assertThat(parse("--quick").renderDocs()).isFalse();
    }

    @Test
    void aQuickRunNeverRendersTheDocs() {
        assertThat(execute("--quick", "--render-docs")).isEqualTo(2);

        assertThat(err.toString()).contains("--render-docs renders a full run's results, not a quick one's");
    }

    @Test
    void anUnknownOptionIsRefusedWithTheKnownOnesItResembles() {
        assertThat(execute("--quik")).isEqualTo(2);

        assertThat(err.toString()).contains("Unknown option: '--quik'").contains("--quick");
    }

    @Test
    void aFlagGivenAValueOtherThanTrueOrFalseIsRefused() {
        assertThat(execute("--quick=soon")).isEqualTo(2);

        assertThat(err.toString()).contains("Invalid value for option '--quick': 'soon' is not a boolean")
                .contains("Usage: benchmark");
    }

    @Test
    void anOutWithoutADirectoryIsRefused() {
        assertThat(execute("--out")).isEqualTo(2);

        assertThat(err.toString()).contains("Missing required parameter for option '--out' (DIR)");
    }

    @Test
    void helpDescribesEveryOptionWithItsDefault() {
        assertThat(execute("--help")).isZero();

        assertThat(out.toString().replaceAll("\\s+", " ")).startsWith("Usage: benchmark")
                .contains("--quick a smoke run: a few configurations, short windows (CI runs it)")
                .contains("--out=DIR where the results are written (default: results, with --quick target/bench-quick)")
                .contains("Exit codes:");
    }

    private static BenchOptions parse(String... args) {
        BenchCommand command = new BenchCommand(Path.of(".."));
        BenchCommand.commandLine(command).parseArgs(args);
        return command.options();
    }

    /** The exit code, for options that are refused or only ask for help (those never measure). */
    private int execute(String... args) {
        return BenchCommand.commandLine(new BenchCommand(Path.of(".."))).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }
}
