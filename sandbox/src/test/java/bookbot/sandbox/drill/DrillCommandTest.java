package bookbot.sandbox.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The drill's command line, as {@code scripts/dead-letter-drill} passes it on: what each option sets, what is
 * refused and how. Nothing here starts a service.
 */
class DrillCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void withoutOptionsTheDrillRunsThisCheckoutInItsOwnNamespaceOnFreePorts() {
        DrillCommand drill = parse();

        assertThat(drill.repository).isEqualTo(Path.of("."));
        assertThat(drill.namespace).isEqualTo("bookbot-drill");
        assertThat(drill.sandboxPort).isZero();
        assertThat(drill.gatewayPort).isZero();
        assertThat(drill.timeoutSeconds).isEqualTo(60);
    }

    @Test
    void everyOptionSetsItsValue() {
        DrillCommand drill = parse("--repository=/work/bookbot", "--namespace=my-drill", "--sandbox-port=9100",
                "--gateway-port=8180", "--timeout-seconds=120");

        assertThat(drill.repository).isEqualTo(Path.of("/work/bookbot"));
        assertThat(drill.namespace).isEqualTo("my-drill");
        assertThat(drill.sandboxPort).isEqualTo(9100);
        assertThat(drill.gatewayPort).isEqualTo(8180);
        assertThat(drill.timeoutSeconds).isEqualTo(120);
    }

    @Test
    void aValueFollowsItsOptionAfterAnEqualsSignOrASpaceAndALaterOneWins() {
        DrillCommand drill = parse("--gateway-port", "8180", "--namespace", "x", "--namespace=y");

        assertThat(drill.gatewayPort).isEqualTo(8180);
        assertThat(drill.namespace).isEqualTo("y");
    }

    @Test
    void anUnknownOptionIsRefusedNotIgnored() {
        assertThat(execute("--gateway-prot=8180")).isEqualTo(2);

        assertThat(err.toString()).contains("Unknown option: '--gateway-prot=8180'");
    }

    @Test
    void aBadValueIsRefusedNamingTheOptionAndTheUsage() {
        assertThat(execute("--timeout-seconds=soon")).isEqualTo(2);

        assertThat(err.toString()).contains("Invalid value for option '--timeout-seconds': 'soon' is not a long")
                .contains("Usage: drill");
    }

    @Test
    void helpDescribesEveryOptionWithItsDefaultAndTheExitCodes() {
        assertThat(execute("--help")).isZero();

        assertThat(out.toString().replaceAll("\\s+", " ")).startsWith("Usage: drill")
                .contains("--repository=DIR", "(default .)")
                .contains("--namespace=NS", "(default bookbot-drill)")
                .contains("--sandbox-port=PORT the sandbox's port (default 0: any free port)")
                .contains("--gateway-port=PORT the gateway's port (default 0: any free port)")
                .contains("--timeout-seconds=S", "(default 60)")
                .contains("Exit codes:", "0 every book ended with one Notion page and one channel message");
    }

    private static DrillCommand parse(String... args) {
        DrillCommand drill = new DrillCommand();
        DrillCommand.commandLine(drill).parseArgs(args);
        return drill;
    }

    /** The exit code, for options that are refused or only ask for help (those never start anything). */
    private int execute(String... args) {
        return DrillCommand.commandLine(new DrillCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }
}
