package bookbot.admin.dlq;

import java.io.PrintWriter;
import java.util.Set;

import bookbot.admin.ExitCodes;
import bookbot.core.deadletter.BatchReport;

/** How a replay or discard tells what it did, and the exit code that goes with it. */
final class Reports {

    private Reports() {
    }

    static int print(PrintWriter out, PrintWriter err, BatchReport report, Set<String> missing, boolean json) {
        String verb = report.action().equals("replay") ? "replayed" : "discarded";
        if (json) {
            Output.json(out, report);
        } else if (report.dryRun()) {
            out.printf("Dry run: would %s %d of %d dead letters.%n", report.action(), report.matched(), report.examined());
            if (report.matched() > 0) {
                out.println();
                DeadLetterTable.print(out, report.deadLetters());
            }
        } else {
            out.printf("%s %d of %d matching dead letters (%d open).%n", capitalized(verb), report.done(),
                    report.matched(), report.examined());
            report.skipped().forEach(s -> out.printf("  not %s: %s: %s%n", verb, s.id(), s.why()));
            if (report.stoppedBecause() != null) {
                out.printf("Stopped: %s%nThe other %d are still dead letters.%n", report.stoppedBecause(),
                        report.matched() - report.done());
            }
        }
        out.flush();
        if (!missing.isEmpty()) {
            err.println("no dead letter " + String.join(", ", missing));
            err.flush();
        }
        if (!report.complete()) {
            return ExitCodes.PARTLY_DONE;
        }
        return missing.isEmpty() ? ExitCodes.DONE : ExitCodes.NOT_FOUND;
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
