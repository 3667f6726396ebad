package bookbot.notion.page;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.notion.NotionDatabaseException;
import bookbot.core.notion.NotionDatabases;

/**
 * Checks the database before the writer consumes anything: a database without the properties the writer fills
 * would fail every job (and dead-letter them all), so the writer refuses to start instead, naming what is
 * missing. When Notion cannot answer right now, the writer starts anyway: that is what retries are for.
 */
class DatabaseSchemaGate {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSchemaGate.class);

    private final NotionDatabases databases;
    private final String databaseId;

    DatabaseSchemaGate(NotionDatabases databases, String databaseId) {
        this.databases = databases;
        this.databaseId = databaseId;
    }

    void check() {
        NotionDatabases.Checked checked;
        try {
            checked = databases.check(databaseId);
        } catch (NotionDatabaseException e) {
            if (e.kind() == NotionDatabaseException.Kind.UNAVAILABLE) {
                log.warn("could not check the Notion database's properties, starting anyway: {}", e.getMessage());
                return;
            }
            throw new DatabaseUnfitException(databaseId, java.util.List.of(e.getMessage()));
        }
        if (!checked.fits()) {
            throw new DatabaseUnfitException(databaseId, checked.problems());
        }
        log.info("Notion database \"{}\" ({}) has every property the writer fills", checked.title(), databaseId);
    }
}
