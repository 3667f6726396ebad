package bookbot.sandbox.notion;

import java.time.Instant;
import java.util.Map;

/** Reads a stored page's property values, as Notion's filters and sorts see them. */
final class NotionPages {

    private NotionPages() {
    }

    /** The text of a rich_text or title property, or null when the page has none. */
    @SuppressWarnings("unchecked")
    static String plainText(Map<String, Object> page, String property) {
        Map<String, Object> properties = (Map<String, Object>) page.get("properties");
        if (!(properties.get(property) instanceof Map<?, ?> value)) {
            return null;
        }
        Object parts = value.containsKey("rich_text") ? value.get("rich_text") : value.get("title");
        if (!(parts instanceof java.util.List<?> list)) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Object part : list) {
            if (part instanceof Map<?, ?> p && p.get("text") instanceof Map<?, ?> t && t.get("content") instanceof String s) {
                text.append(s);
            }
        }
        return text.toString();
    }

    /** The start of a date property, or null. */
    @SuppressWarnings("unchecked")
    static Instant date(Map<String, Object> page, String property) {
        Map<String, Object> properties = (Map<String, Object>) page.get("properties");
        if (properties.get(property) instanceof Map<?, ?> value && value.get("date") instanceof Map<?, ?> date) {
            return NotionQuery.instant((String) date.get("start"));
        }
        return null;
    }
}
