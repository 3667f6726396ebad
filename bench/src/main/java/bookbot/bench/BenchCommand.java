package bookbot.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./benchmark [--quick] [--out=DIR] [--render-docs]}: the benchmark's command line. */
@Command(name = "benchmark", mixinStandardHelpOptions = true, version = "benchmark 0.1.0", sortOptions = false,
        description = "Threads or processes? Measures the workers (I/O- and CPU-bound, threads against processes,"
                + " platform against virtual threads), the broker alone, the gateway against Slack's 3-second"
                + " budget and the Notion-limited ceiling, with the services as separate processes against the"
                + " sandbox and RabbitMQ; writes CSV, Markdown and PNG charts.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every part completed",
                "1:a part failed (its stack trace says why)",
                "2:usage error"})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "a smoke run: a few configurations, short windows (CI runs it)")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR",
            description = "where the results are written (default: results, with --quick target/bench-quick)")
    Path out;

    @Option(names = "--render-docs",
            description = "measure nothing: rewrite docs/threads-or-processes.md's tables from the results in --out")
    boolean renderDocs;

    @Spec
    CommandSpec spec;

    private final Path repository;

    /** @param repository a built checkout (the services' jars under {@code <module>/target}) */
    BenchCommand(Path repository) {
        this.repository = repository;
    }

    /** A later value of an option wins, as with the hand-written parser before. */
    static CommandLine commandLine(BenchCommand command) {
        return new CommandLine(command).setOverwrittenOptionsAllowed(true);
    }

    BenchOptions options() {
        return BenchOptions.of(quick, out, renderDocs);
    }

    @Override
    public Integer call() throws Exception {
        if (quick && renderDocs) {
            throw new ParameterException(spec.commandLine(), "--render-docs renders a full run's results, not a quick one's");
        }
        return BenchMain.measure(options(), repository);
    }
}
