package bookbot.sandbox.notion;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake Notion database and its pages, stored as the JSON Notion would return. */
public class NotionDatabase {

    private static final int RICH_TEXT_LIMIT = 2000;

    private final String databaseId;
    private final String title;
    private final Map<String, String> schema;
    private final List<Map<String, Object>> pages = new CopyOnWriteArrayList<>();

    /** @param schema property name → Notion type ("rich_text", "url", …) */
    NotionDatabase(String databaseId, String title, Map<String, String> schema) {
        this.databaseId = databaseId;
        this.title = title;
        this.schema = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(schema));
    }

    public String id() {
        return databaseId;
    }

    public boolean isThisDatabase(String id) {
        return id != null && stripDashes(id).equals(stripDashes(databaseId));
    }

    Map<String, Object> describe() {
        Map<String, Object> properties = new LinkedHashMap<>();
        schema.forEach((name, type) -> properties.put(name,
                Map.of("id", propertyId(name), "name", name, "type", type, type, Map.of())));
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("object", "database");
        database.put("id", databaseId);
        database.put("title", List.of(Map.of("type", "text", "text", Map.of("content", title),
                "plain_text", title)));
        database.put("properties", properties);
        database.put("url", "https://www.notion.so/" + stripDashes(databaseId));
        return database;
    }

    /** @return the problem with the properties, in Notion's words, or empty when they fit the schema */
    Optional<String> validate(Map<String, Object> properties) {
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            String type = schema.get(property.getKey());
            if (type == null) {
                return Optional.of(property.getKey() + " is not a property that exists.");
            }
            if (!(property.getValue() instanceof Map<?, ?> value) || !value.containsKey(type)) {
                return Optional.of(property.getKey() + " is expected to be " + type + ".");
            }
            if (value.get(type) instanceof List<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Map<?, ?> p && p.get("text") instanceof Map<?, ?> text
                            && text.get("content") instanceof String content && content.length() > RICH_TEXT_LIMIT) {
                        return Optional.of("body.properties." + property.getKey()
                                + ".text.content.length should be ≤ `2000`, instead was `" + content.length() + "`.");
                    }
                }
            }
        }
        return Optional.empty();
    }

    Map<String, Object> create(Map<String, Object> request) {
        String id = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        @SuppressWarnings("unchecked")
        Map<String, Object> requested = (Map<String, Object>) request.getOrDefault("properties", Map.of());
        Map<String, Object> properties = new LinkedHashMap<>();
        requested.forEach((name, value) -> properties.put(name, typed(name, value)));

        Map<String, Object> page = new LinkedHashMap<>();
        page.put("object", "page");
        page.put("id", id);
        page.put("created_time", now);
        page.put("last_edited_time", now);
        page.put("parent", Map.of("type", "database_id", "database_id", databaseId));
        page.put("archived", false);
        page.put("in_trash", false);
        page.put("properties", properties);
        page.put("cover", request.get("cover"));
        page.put("icon", request.get("icon"));
        page.put("url", "https://www.notion.so/" + stripDashes(id));
        page.put("children", request.getOrDefault("children", List.of()));
        pages.add(page);
        return withoutChildren(page);
    }

    /**
     * Replaces the named properties and, when {@code archived} is given, moves the page to or from the trash.
     *
     * @return the page as it is now
     */
    synchronized Optional<Map<String, Object>> update(String pageId, Map<String, Object> properties, Boolean archived) {
        for (int i = 0; i < pages.size(); i++) {
            Map<String, Object> page = pages.get(i);
            if (!stripDashes((String) page.get("id")).equals(stripDashes(pageId))) {
                continue;
            }
            Map<String, Object> updated = new LinkedHashMap<>(page);
            @SuppressWarnings("unchecked")
            Map<String, Object> values = new LinkedHashMap<>((Map<String, Object>) page.get("properties"));
            properties.forEach((name, value) -> values.put(name, typed(name, value)));
            updated.put("properties", values);
            if (archived != null) {
                updated.put("archived", archived);
                updated.put("in_trash", archived);
            }
            updated.put("last_edited_time", Instant.now().toString());
            pages.set(i, updated);
            return Optional.of(withoutChildren(updated));
        }
        return Optional.empty();
    }

    Optional<Map<String, Object>> find(String pageId) {
        return pages.stream().filter(p -> stripDashes((String) p.get("id")).equals(stripDashes(pageId)))
                .findFirst().map(NotionDatabase::withoutChildren);
    }

    /** One page of a query's results, and whether more follow. */
    record Results(List<Map<String, Object>> pages, boolean hasMore, int nextCursor) {
    }

    /**
     * A query with filters, sorts and paging ({@link NotionQuery}): pages not in the trash, and, as with
     * {@link #query}, only those older than {@code lagMs}.
     */
    Results search(Map<String, Object> body, long lagMs) {
        NotionQuery query = NotionQuery.parse(body, schema);
        Instant indexedUntil = Instant.now().minusMillis(lagMs);
        List<Map<String, Object>> matches = pages.stream()
                .filter(page -> !Boolean.TRUE.equals(page.get("archived"))
                        && !Instant.parse((String) page.get("created_time")).isAfter(indexedUntil))
                .filter(query.filter()).sorted(query.order()).toList();
        int from = Math.min(query.cursor(), matches.size());
        int to = Math.min(matches.size(), from + query.pageSize());
        return new Results(matches.subList(from, to).stream().map(NotionDatabase::withoutChildren).toList(),
                to < matches.size(), to);
    }

    /** Every page with its children, for tests and people to read back. */
    public List<Map<String, Object>> pages() {
        return List.copyOf(pages);
    }

    /** The pages created after the first {@code from}, in creation order: for readers that poll as pages arrive. */
    public List<Map<String, Object>> pagesFrom(int from) {
        Object[] snapshot = pages.toArray();
        return Arrays.stream(snapshot, Math.min(Math.max(0, from), snapshot.length), snapshot.length)
                .map(page -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) page;
                    return typed;
                }).toList();
    }

    public void reset() {
        pages.clear();
    }

    private Map<String, Object> typed(String name, Object value) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("id", propertyId(name));
        typed.put("type", schema.get(name));
        if (value instanceof Map<?, ?> given) {
            given.forEach((k, v) -> {
                if (!"id".equals(k) && !"type".equals(k)) {
                    typed.put((String) k, v);
                }
            });
        }
        return typed;
    }

    private static Map<String, Object> withoutChildren(Map<String, Object> page) {
        Map<String, Object> copy = new LinkedHashMap<>(page);
        copy.remove("children");
        return copy;
    }

    private static String propertyId(String name) {
        return Integer.toHexString(name.hashCode());
    }

    static String stripDashes(String id) {
        return id.replace("-", "");
    }
}
