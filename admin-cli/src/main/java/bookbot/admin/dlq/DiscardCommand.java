package bookbot.admin.dlq;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import bookbot.core.deadletter.BatchReport;

@Command(name = "discard", mixinStandardHelpOptions = true,
        description = {"Close dead letters for good: they are never replayed and no longer listed, and the dead-letter log keeps each one with who discarded it, when and why."})
class DiscardCommand implements Callable<Integer> {

    @ParentCommand
    DlqCommand dlq;

    @Spec
    CommandSpec spec;

    @Mixin
    SelectionOptions select;

    @Option(names = "--because", paramLabel = "WHY", required = true, description = "why they are discarded (required)")
    String because;

    @Option(names = "--dry-run", description = "only show what would be discarded")
    boolean dryRun;

    @Option(names = "--as", paramLabel = "NAME", description = "who discards, recorded in the log (default: user@host)")
    String actor;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Override
    public Integer call() {
        BatchReport report = dlq.deadLetters().discard(select.selection(), dryRun, because,
                actor != null ? actor : Actor.current(), new ProgressLine(spec.commandLine().getErr(), "discarded", System::nanoTime));
        return Reports.print(spec.commandLine().getOut(), spec.commandLine().getErr(), report, select.missing(report), json);
    }
}
