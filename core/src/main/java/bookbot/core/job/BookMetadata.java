package bookbot.core.job;

/**
 * What the book's page says about itself (OpenGraph and friends). Every field may be null: many store
 * pages lack some of them.
 *
 * @param imageUrl cover image, without a {@code #fragment}
 * @param author   who wrote the book, when the page names them ({@code book:author} and the like); absent from jobs
 *                 of the previous release
 */
public record BookMetadata(String title, String description, String imageUrl, String siteName, String author) {

    public static final BookMetadata NONE = new BookMetadata(null, null, null, null, null);

    /** Metadata without an author. */
    public BookMetadata(String title, String description, String imageUrl, String siteName) {
        this(title, description, imageUrl, siteName, null);
    }

    /** The image URL if it is a web address; a page can name {@code javascript:} or {@code data:} as its image. */
    public static String webImage(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
    }
}
