package bookbot.core.job;

/**
 * What the book's page says about itself (OpenGraph and friends). Every field may be null: many store
 * pages lack some of them.
 *
 * @param imageUrl cover image, without a {@code #fragment}
 */
public record BookMetadata(String title, String description, String imageUrl, String siteName) {

    public static final BookMetadata NONE = new BookMetadata(null, null, null, null);
}
