package bookbot.notion.page;

/** The Notion page of one recommendation. */
public record BookPage(String id, String url) {
}
