package bookbot.admin.dlq;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import bookbot.core.deadletter.BatchReport;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Send dead jobs back to the stage that failed, same job id, as a first attempt.",
                "Each dead letter is removed only after the broker confirmed its replay; interrupted at any point,"
                        + " every dead letter is still dead or replayed. A job replayed twice still makes one Notion page."})
class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    DlqCommand dlq;

    @Spec
    CommandSpec spec;

    @Mixin
    SelectionOptions select;

    @Option(names = "--dry-run", description = "only show what would be replayed")
    boolean dryRun;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "50",
            description = "replay at most this many a second (default ${DEFAULT-VALUE}; 0 for no limit)")
    double rate;

    @Option(names = "--as", paramLabel = "NAME", description = "who replays, recorded on each job (default: user@host)")
    String actor;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Override
    public Integer call() {
        if (rate < 0) {
            throw new IllegalArgumentException("--rate must not be negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        BatchReport report = dlq.deadLetters().replay(select.selection(), dryRun, rate,
                actor != null ? actor : Actor.current(), new ProgressLine(spec.commandLine().getErr(), "replayed", System::nanoTime));
        return Reports.print(out, spec.commandLine().getErr(), report, select.missing(report), json);
    }
}
