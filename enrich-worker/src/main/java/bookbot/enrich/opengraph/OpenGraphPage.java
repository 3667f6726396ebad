package bookbot.enrich.opengraph;

import bookbot.core.job.BookMetadata;
import bookbot.core.job.CleanText;
import tools.jackson.databind.JsonNode;

/**
 * Reads an OpenGraph.io answer. Each field comes from the first of hybridGraph, openGraph (raw tags) and
 * htmlInferred that has it, because store pages fill them unevenly.
 */
final class OpenGraphPage {

    private OpenGraphPage() {
    }

    static BookMetadata read(JsonNode answer) {
        JsonNode hybrid = answer.path("hybridGraph");
        JsonNode tags = answer.path("openGraph");
        JsonNode inferred = answer.path("htmlInferred");
        return new BookMetadata(
                first(text(hybrid, "title"), text(tags, "title"), text(inferred, "title")),
                first(text(hybrid, "description"), text(tags, "description"), text(inferred, "description")),
                webImage(first(text(hybrid, "image"), text(tags.path("image"), "url"), text(tags, "image"),
                        text(inferred, "image_guess"), firstOf(inferred.path("images")))),
                first(text(hybrid, "site_name"), text(tags, "site_name"), text(inferred, "site_name")),
                // OpenGraph.io passes a page's book:author on as a raw tag (uncertain: under either name).
                first(text(tags, "book:author"), text(tags, "author"), text(hybrid, "author"),
                        text(inferred, "author")));
    }

    /**
     * The cover, if it is an http(s) URL (a page can claim anything, {@code javascript:} or {@code data:} included),
     * without the fragment some stores add (ridibooks' {@code #1}) that Notion's image embedding chokes on.
     */
    static String webImage(String url) {
        if (BookMetadata.webImage(url) == null) {
            return null;
        }
        int hash = url.indexOf('#');
        return hash >= 0 ? url.substring(0, hash) : url;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString()) {
            return null;
        }
        // The page's own words: no control characters into Notion or Slack.
        String text = CleanText.clean(value.asString()).strip();
        return text.isEmpty() ? null : text;
    }

    private static String firstOf(JsonNode array) {
        if (!array.isArray() || array.isEmpty() || !array.get(0).isString()) {
            return null;
        }
        String text = CleanText.clean(array.get(0).asString()).strip();
        return text.isEmpty() ? null : text;
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
