package bookbot.sandbox.notion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import bookbot.sandbox.faults.SandboxSettings;

/**
 * What the fake Notion integration can see: the club's database (id from the settings, bookbot's default
 * schema), one page that databases can be created under, and the databases created there.
 */
@Component
public class NotionWorkspace {

    private final NotionDatabase club;
    private final String parentPageId;
    private final Map<String, NotionDatabase> created = new ConcurrentHashMap<>();

    NotionWorkspace(SandboxSettings settings) {
        this.club = new NotionDatabase(settings.notionDatabaseId(), "Books", NotionSchema.DEFAULT);
        this.parentPageId = settings.notionParentPageId();
    }

    /** The database bookbot writes to unless told otherwise. */
    public NotionDatabase clubDatabase() {
        return club;
    }

    Optional<NotionDatabase> database(String id) {
        if (id == null) {
            return Optional.empty();
        }
        if (club.isThisDatabase(id)) {
            return Optional.of(club);
        }
        return Optional.ofNullable(created.get(NotionDatabase.stripDashes(id)));
    }

    boolean isParentPage(String pageId) {
        return pageId != null && NotionDatabase.stripDashes(pageId).equals(NotionDatabase.stripDashes(parentPageId));
    }

    NotionDatabase createDatabase(String title, Map<String, String> schema) {
        String id = UUID.randomUUID().toString();
        NotionDatabase database = new NotionDatabase(id, title, new LinkedHashMap<>(schema));
        created.put(NotionDatabase.stripDashes(id), database);
        return database;
    }

    Optional<NotionDatabase> databaseOfPage(String pageId) {
        return allDatabases().stream().filter(db -> db.find(pageId).isPresent()).findFirst();
    }

    Optional<Map<String, Object>> findPage(String pageId) {
        return allDatabases().stream().flatMap(db -> db.find(pageId).stream()).findFirst();
    }

    private List<NotionDatabase> allDatabases() {
        List<NotionDatabase> all = new java.util.ArrayList<>(created.values());
        all.add(0, club);
        return all;
    }

    /** Empties the club database and forgets the created ones. */
    public void reset() {
        club.reset();
        created.clear();
    }
}
