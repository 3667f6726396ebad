package bookbot.enrich.page;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import bookbot.core.job.BookMetadata;
import bookbot.core.job.CleanText;

/**
 * A page's OpenGraph tags ({@code og:title}, …), with the page's title and description as fallbacks; the author
 * from {@code book:author}, {@code og:book:author} or the {@code author} meta tag.
 */
final class PageTags {

    private PageTags() {
    }

    static BookMetadata read(String html, String pageUrl) {
        Document page = Jsoup.parse(html, pageUrl);
        String title = first(meta(page, "og:title"), clean(page.title()));
        String description = first(meta(page, "og:description"), metaName(page, "description"));
        String image = BookMetadata.webImage(first(absolute(page, "og:image:secure_url"), absolute(page, "og:image")));
        String author = first(meta(page, "book:author"), meta(page, "og:book:author"), metaName(page, "author"));
        return new BookMetadata(title, description, image, meta(page, "og:site_name"), author);
    }

    private static String meta(Document page, String property) {
        Element tag = page.selectFirst("meta[property=" + property + "]");
        return tag == null ? null : clean(tag.attr("content"));
    }

    private static String metaName(Document page, String name) {
        Element tag = page.selectFirst("meta[name=" + name + "]");
        return tag == null ? null : clean(tag.attr("content"));
    }

    private static String absolute(Document page, String property) {
        Element tag = page.selectFirst("meta[property=" + property + "]");
        return tag == null ? null : clean(tag.absUrl("content"));
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String clean = CleanText.clean(text).strip();
        return clean.isEmpty() ? null : clean;
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
