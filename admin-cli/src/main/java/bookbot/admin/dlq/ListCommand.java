package bookbot.admin.dlq;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import bookbot.admin.ExitCodes;
import bookbot.core.deadletter.DeadLetterListing;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List open dead letters (not replayed, not discarded), oldest first, a page at a time, with"
                + " counts per reason. Looking changes nothing.")
class ListCommand implements Callable<Integer> {

    @ParentCommand
    DlqCommand dlq;

    @Spec
    CommandSpec spec;

    @Mixin
    FilterOptions filter;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "show at most N (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--after", paramLabel = "CURSOR", description = "start after this point: the previous page's"
            + " \"next page\" cursor")
    String after;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Override
    public Integer call() {
        DeadLetterListing listing = dlq.deadLetters().list(filter.filter(), limit, after);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, listing);
            return ExitCodes.DONE;
        }
        out.printf("%d dead letter%s, %d matching%s%n", listing.total(), listing.total() == 1 ? "" : "s",
                listing.matching(), listing.deadLetters().size() < listing.matching()
                        ? " (showing " + listing.deadLetters().size() + ")" : "");
        if (listing.matching() > 0) {
            out.println();
            out.println("By reason:");
            listing.countsByReason().forEach((reason, count) -> out.printf("  %5d  %s%n", count, reason));
            out.println();
            DeadLetterTable.print(out, listing.deadLetters());
        }
        if (listing.next() != null) {
            out.println();
            out.printf("Next page: --after %s%n", listing.next());
        }
        out.flush();
        return ExitCodes.DONE;
    }
}
