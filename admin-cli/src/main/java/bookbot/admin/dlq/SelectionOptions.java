package bookbot.admin.dlq;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import bookbot.core.deadletter.BatchReport;
import bookbot.core.deadletter.DeadLetter;
import bookbot.core.deadletter.Selection;

/** Which dead letters a replay or discard acts on: ids, a filter, or --all; never a guess. */
class SelectionOptions {

    @Parameters(paramLabel = "ID", arity = "0..*", description = "dead-letter ids, as `dlq list` shows them")
    List<String> ids = List.of();

    @Option(names = "--all", description = "every open dead letter when the command starts")
    boolean all;

    @Mixin
    FilterOptions filter;

    Selection selection() {
        return Selection.of(new LinkedHashSet<>(ids), all, filter.filter());
    }

    /** Ids asked for by name that are not open dead letters. */
    Set<String> missing(BatchReport report) {
        Set<String> missing = new LinkedHashSet<>(ids);
        report.deadLetters().stream().map(DeadLetter::id).forEach(missing::remove);
        return missing;
    }
}
