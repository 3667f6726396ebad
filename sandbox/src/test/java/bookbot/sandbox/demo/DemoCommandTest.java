package bookbot.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import bookbot.sandbox.launch.PipelineSettings;

/**
 * The demo's command line, as {@code ./demo} (which adds --launch) and {@code docker compose run demo} pass it:
 * what each option sets, what is refused and how. Nothing here plays or launches anything.
 */
class DemoCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void withoutOptionsTheDemoPlaysAgainstServicesOnTheirUsualLocalPorts() {
        DemoCommand demo = parse();

        assertThat(demo.launch.requested).isFalse();
        assertThat(demo.running.gateway).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(demo.running.sandbox).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(demo.command).isEqualTo("/book");
        assertThat(demo.timeoutSeconds).isEqualTo(60);
    }

    @Test
    void withoutASigningSecretTheDemoSignsWithTheSandboxs() {
        assumeTrue(System.getenv("SLACK_SIGNING_SECRET") == null, "SLACK_SIGNING_SECRET is set here");

        assertThat(parse().running.signingSecret()).isEqualTo(PipelineSettings.SLACK_SIGNING_SECRET);
    }

    @Test
    void theComposeDemoNamesTheRunningServices() {
        // docker-compose.yml, scripts/compose-sandbox-check, e2e's DemoIT
        DemoCommand demo = parse("--gateway=http://bot-gateway:8080", "--sandbox=http://sandbox:9000",
                "--signing-secret=s3cret", "--timeout-seconds=5", "--command=/share");

        assertThat(demo.running.gateway).isEqualTo(URI.create("http://bot-gateway:8080"));
        assertThat(demo.running.sandbox).isEqualTo(URI.create("http://sandbox:9000"));
        assertThat(demo.running.signingSecret()).isEqualTo("s3cret");
        assertThat(demo.timeoutSeconds).isEqualTo(5);
        assertThat(demo.command).isEqualTo("/share");
    }

    @Test
    void withLaunchTheDemoStartsTheServicesOnTheirUsualPortsAndNamespace() {
        DemoCommand demo = parse("--launch");

        assertThat(demo.launch.requested).isTrue();
        assertThat(demo.launch.keepRunning).isFalse();
        assertThat(demo.launch.repository).isEqualTo(Path.of("."));
        assertThat(demo.launch.namespace).isEqualTo("bookbot-demo");
        assertThat(demo.launch.sandboxPort).isEqualTo(9000);
        assertThat(demo.launch.gatewayPort).isEqualTo(8080);
    }

    @Test
    void theReadmesLaunchMovesThePortsAndTheNamespace() {
        DemoCommand demo = parse("--launch", "--gateway-port=8081", "--sandbox-port=9001", "--namespace=my-demo",
                "--keep-running", "--repository=/work/bookbot");

        assertThat(demo.launch.gatewayPort).isEqualTo(8081);
        assertThat(demo.launch.sandboxPort).isEqualTo(9001);
        assertThat(demo.launch.namespace).isEqualTo("my-demo");
        assertThat(demo.launch.keepRunning).isTrue();
        assertThat(demo.launch.repository).isEqualTo(Path.of("/work/bookbot"));
    }

    @Test
    void aValueFollowsItsOptionAfterAnEqualsSignOrASpace() {
        DemoCommand demo = parse("--launch", "--gateway-port", "8081", "--namespace", "x");

        assertThat(demo.launch.gatewayPort).isEqualTo(8081);
        assertThat(demo.launch.namespace).isEqualTo("x");
    }

    @Test
    void anUnknownOptionIsRefusedNotIgnored() {
        assertThat(execute("--launch", "--gateway-prot=8081")).isEqualTo(2);

        assertThat(err.toString()).contains("Unknown option: '--gateway-prot=8081'");
    }

    @Test
    void aBadValueIsRefusedNamingTheOptionAndTheUsage() {
        assertThat(execute("--launch", "--gateway-port=eighty")).isEqualTo(2);

        assertThat(err.toString()).contains("Invalid value for option '--gateway-port': 'eighty' is not an int")
                .contains("Usage: demo");
    }

    @Test
    void helpDescribesEveryOptionWithItsDefault() {
        assertThat(execute("--launch", "--help")).isZero();

        assertThat(out.toString().replaceAll("\\s+", " ")).startsWith("Usage: demo")
                .contains("Launching the services first, as ./demo does: --launch")
                .contains("--gateway-port=PORT the gateway's port (default 8080)")
                .contains("--sandbox-port=PORT", "(default 9000)")
                .contains("--namespace=NS", "(default bookbot-demo)")
                .contains("Or against services that already run, as docker compose's demo does: --gateway=URL")
                .contains("--gateway=URL the gateway (default http://127.0.0.1:8080)")
                .contains("--timeout-seconds=S", "(default 60)")
                .contains("--command=/NAME", "(default /book)")
                .contains("--launch", "--keep-running", "--repository=DIR", "--sandbox=URL", "--signing-secret=SECRET")
                .contains("Exit codes:");
    }

    private static DemoCommand parse(String... args) {
        DemoCommand demo = new DemoCommand();
        DemoCommand.commandLine(demo).parseArgs(args);
        return demo;
    }

    /** The exit code, for options that are refused or only ask for help (those never play). */
    private int execute(String... args) {
        return DemoCommand.commandLine(new DemoCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }
}
