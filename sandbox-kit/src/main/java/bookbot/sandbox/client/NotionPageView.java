package bookbot.sandbox.client;

import java.util.List;
import java.util.Map;

/** Reads a page object as the fake Notion stored it (with the default property names). */
public record NotionPageView(Map<String, Object> page) {

    public String id() {
        return (String) page.get("id");
    }

    public String url() {
        return (String) page.get("url");
    }

    public String title() {
        return text("title", "title");
    }

    public String bookUrl() {
        return (String) property("URL").get("url");
    }

    public List<String> categories() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> options = (List<Map<String, Object>>) property("category").get("multi_select");
        return options == null ? List.of() : options.stream().map(o -> (String) o.get("name")).toList();
    }

    public String recommender() {
        return text("recommender", "rich_text");
    }

    public String reason() {
        return text("recommend reason", "rich_text");
    }

    public String jobId() {
        return text("Job ID", "rich_text");
    }

    /** Every share's job id, oldest first (one page per book). */
    public List<String> jobIds() {
        String ids = jobId();
        return ids == null || ids.isBlank() ? List.of() : List.of(ids.strip().split("\\s+"));
    }

    /** Which book the page is about (BookKey). */
    public String bookKey() {
        return text("Book key", "rich_text");
    }

    /** The recommenders' Slack user ids, space-separated, in the order of the job ids. */
    public String recommenderIds() {
        return text("recommender ids", "rich_text");
    }

    /** When each share was made: ISO instants, space-separated, in the order of the job ids. */
    public String sharedAt() {
        return text("shared at", "rich_text");
    }

    public String author() {
        return text("author", "rich_text");
    }

    /** What the writer remembers of the channel message ("posted C… ts"), empty before it posted. */
    public String slackMessage() {
        return text("Slack message", "rich_text");
    }

    /** In the trash: a page the writer archived as a second copy of one job's page. */
    public boolean archived() {
        return Boolean.TRUE.equals(page.get("archived")) || Boolean.TRUE.equals(page.get("in_trash"));
    }

    public String recommendedAt() {
        Object date = property("recommended at").get("date");
        return date instanceof Map<?, ?> d ? (String) d.get("start") : null;
    }

    public String cover() {
        return page.get("cover") instanceof Map<?, ?> cover && cover.get("external") instanceof Map<?, ?> external
                ? (String) external.get("url") : null;
    }

    /** URLs of the page's image blocks. */
    public List<String> images() {
        Object children = page.get("children");
        if (!(children instanceof List<?> blocks)) {
            return List.of();
        }
        return blocks.stream()
                .filter(b -> b instanceof Map<?, ?> m && "image".equals(m.get("type")))
                .map(b -> ((Map<?, ?>) b).get("image"))
                .filter(i -> i instanceof Map<?, ?> m && m.get("external") instanceof Map<?, ?>)
                .map(i -> (String) ((Map<?, ?>) ((Map<?, ?>) i).get("external")).get("url"))
                .toList();
    }

    private String text(String property, String type) {
        Object parts = property(property).get(type);
        if (!(parts instanceof List<?> list)) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Object part : list) {
            if (part instanceof Map<?, ?> p && p.get("text") instanceof Map<?, ?> t) {
                text.append(t.get("content"));
            }
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> property(String name) {
        Map<String, Object> properties = (Map<String, Object>) page.get("properties");
        Object value = properties == null ? null : properties.get(name);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
