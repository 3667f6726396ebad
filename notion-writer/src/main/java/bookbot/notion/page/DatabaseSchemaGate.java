package bookbot.notion.page;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.integration.notion.NotionDatabaseException;
import bookbot.integration.notion.NotionDatabases;

/**
 * Checks the database before the writer consumes anything: a database without the properties the writer fills
 * would fail every job (and dead-letter them all), so the writer refuses to start instead, naming what is
 * missing. When Notion cannot answer, the writer asks again for up to {@code wait} (Notion, or the sandbox
 * playing it, may be starting beside the writer), then starts anyway: that is what retries are for.
 */
class DatabaseSchemaGate {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSchemaGate.class);

    private final NotionDatabases databases;
    private final String databaseId;
    private final Duration wait;
    private final Duration pause;
    private volatile List<String> missingOptional;

    DatabaseSchemaGate(NotionDatabases databases, String databaseId, Duration wait) {
        this(databases, databaseId, wait, Duration.ofSeconds(2));
    }

    DatabaseSchemaGate(NotionDatabases databases, String databaseId, Duration wait, Duration pause) {
        this.databases = databases;
        this.databaseId = databaseId;
        this.wait = wait;
        this.pause = pause;
    }

    void check() {
        long deadline = System.nanoTime() + wait.toNanos();
        NotionDatabases.Checked checked;
        while (true) {
            try {
                checked = databases.check(databaseId);
                break;
            } catch (NotionDatabaseException e) {
                if (e.kind() != NotionDatabaseException.Kind.UNAVAILABLE) {
                    throw new DatabaseUnfitException(databaseId, List.of(e.getMessage()));
                }
                if (System.nanoTime() + pause.toNanos() > deadline) {
                    log.warn("could not check the Notion database's properties within {} s, starting anyway: {}",
                            wait.toSeconds(), e.getMessage());
                    return;
                }
                log.info("Notion cannot answer yet, asking again in {} ms: {}", pause.toMillis(), e.getMessage());
                if (!sleep(pause)) {
                    return;
                }
            }
        }
        if (!checked.fits()) {
            throw new DatabaseUnfitException(databaseId, checked.problems());
        }
        missingOptional = checked.missingOptional();
        if (missingOptional.isEmpty()) {
            log.info("Notion database \"{}\" ({}) has every property the writer fills", checked.title(), databaseId);
        } else {
            log.warn("Notion database \"{}\" ({}) lacks the optional properties {}: the writer does without them "
                    + "(see docs/features/sharing.md)", checked.title(), databaseId, missingOptional);
        }
    }

    /** The optional properties the database lacks; empty when it could not be checked (then all are written). */
    Optional<List<String>> missingOptional() {
        return Optional.ofNullable(missingOptional);
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
