package bookbot.notion.page;

/**
 * Which of the optional properties the club's database has, so the writer fills only those.
 *
 * @param onePagePerBook the database has {@code Book key}, {@code recommender ids} and {@code shared at}: a book
 *                       shared again is added to its page; without them every share gets a page of its own
 * @param author         the database has {@code author}
 */
public record PageFormat(boolean onePagePerBook, boolean author) {

    public static final PageFormat FULL = new PageFormat(true, true);
}
