package bookbot.notion.page;

import java.util.List;

/** The configured Notion database cannot take the writer's pages. */
public class DatabaseUnfitException extends RuntimeException {

    private final String databaseId;
    private final List<String> problems;

    DatabaseUnfitException(String databaseId, List<String> problems) {
        super("The Notion database " + databaseId + " cannot take bookbot's pages:\n  - "
                + String.join("\n  - ", problems));
        this.databaseId = databaseId;
        this.problems = List.copyOf(problems);
    }

    public String databaseId() {
        return databaseId;
    }

    public List<String> problems() {
        return problems;
    }
}
