package bookbot.sandbox.notion;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fake database's properties (name → Notion type): the schema bookbot's default configuration expects. */
final class NotionSchema {

    static final Map<String, String> DEFAULT = defaults();

    private NotionSchema() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> schema = new LinkedHashMap<>();
        schema.put("title", "title");
        schema.put("URL", "url");
        schema.put("category", "multi_select");
        schema.put("recommender", "rich_text");
        schema.put("recommend reason", "rich_text");
        schema.put("Job ID", "rich_text");
        schema.put("recommended at", "date");
        schema.put("Slack message", "rich_text");
        schema.put("recommender ids", "rich_text");
        schema.put("shared at", "rich_text");
        return schema;
    }
}
