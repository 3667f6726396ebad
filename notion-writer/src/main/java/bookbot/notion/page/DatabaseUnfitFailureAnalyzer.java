package bookbot.notion.page;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a database that does not fit as a start-up failure a person can act on, not a stack trace. */
class DatabaseUnfitFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnfitException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnfitException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Add or retype the properties in Notion (or point bookbot.notion.properties.* at your own names), "
                        + "check with `bookbot-admin notion check`, or create a fitting database with "
                        + "`bookbot-admin notion setup --parent <page id>`.",
                cause);
    }
}
