package bookbot.admin.dlq;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import bookbot.admin.ExitCodes;
import bookbot.core.deadletter.DeadLetter;
import bookbot.core.deadletter.DeadLetterDetail;
import bookbot.core.deadletter.PastDeath;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one dead letter whole: the job, every header, its earlier deaths and replays.")
class ShowCommand implements Callable<Integer> {

    @ParentCommand
    DlqCommand dlq;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the dead letter's id, as `dlq list` shows it")
    String id;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        Optional<DeadLetterDetail> found = dlq.deadLetters().show(id);
        PrintWriter out = spec.commandLine().getOut();
        if (found.isEmpty()) {
            spec.commandLine().getErr().println("no dead letter " + id);
            return ExitCodes.NOT_FOUND;
        }
        DeadLetterDetail detail = found.get();
        if (json) {
            Output.json(out, detail);
            return ExitCodes.DONE;
        }
        DeadLetter d = detail.deadLetter();
        out.println("Dead letter " + d.id());
        row(out, "Job", d.jobId());
        row(out, "Book", d.title());
        row(out, "Link", d.link());
        row(out, "Member", d.member());
        row(out, "Stage", d.stage() + (detail.routingKey() == null ? " (a replay cannot tell where to send it)"
                : " (a replay sends it to routing key '" + detail.routingKey() + "')"));
        row(out, "Reason", d.reason());
        row(out, "Error", d.error());
        row(out, "Attempts", String.valueOf(d.attempts()));
        row(out, "First failed", DeadLetterTable.time(d.firstFailedAt()) + " UTC");
        row(out, "Last failed", DeadLetterTable.time(d.lastFailedAt()) + " UTC");
        out.println();
        out.println("History (earlier deaths and replays):" + (detail.history().isEmpty() ? " none" : ""));
        int n = 1;
        for (PastDeath past : detail.history()) {
            out.printf("  %d. died in %s after %d attempt(s) at %s UTC: %s (%s)%n     replayed by %s at %s UTC%n", n++,
                    past.stage(), past.attempts(), DeadLetterTable.time(past.lastFailedAt()), past.reason(),
                    past.error(), past.replayedBy(), DeadLetterTable.time(past.replayedAt()));
        }
        out.println();
        out.println("Headers:");
        detail.headers().forEach((name, value) -> out.printf("  %s: %s%n", name, value));
        out.println();
        out.println("Payload:");
        out.println(detail.payload() instanceof String text ? text : Output.pretty(detail.payload()));
        out.flush();
        return ExitCodes.DONE;
    }

    private static void row(PrintWriter out, String name, String value) {
        out.printf("  %-13s %s%n", name, value == null ? "-" : value);
    }
}
