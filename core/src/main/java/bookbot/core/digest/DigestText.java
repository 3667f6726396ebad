package bookbot.core.digest;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import bookbot.core.text.SlackMrkdwn;

/**
 * Writes a {@link MonthlyDigest} as the channel reads it, in the club's language ({@code bookbot-digest-messages}
 * bundle): a headline with the count, every title linked to its page, the reader(s) of the month. An empty month is
 * a short invitation to share. Within Slack's limits: at most {@value #SECTION_LIMIT} characters a section and
 * {@code maxBookSections} sections of titles; the titles that do not fit are counted, with a link to the database.
 * The same text for the channel and for {@code bookbot-admin digest}, which shares no Slack code.
 */
public final class DigestText {

    /** Slack's limit for a section's text. */
    static final int SECTION_LIMIT = 3000;
    /** Slack allows 50 blocks a message: the headline, the readers and this many sections of titles. */
    public static final int MAX_BOOK_SECTIONS = 45;
    private static final int TITLE_LIMIT = 150;
    private static final String BUNDLE = "bookbot-digest-messages";

    private final int maxBookSections;

    public DigestText() {
        this(MAX_BOOK_SECTIONS);
    }

    DigestText(int maxBookSections) {
        this.maxBookSections = maxBookSections;
    }

    /** @param databaseUrl where the titles that do not fit can be read */
    public DigestMessage render(MonthlyDigest digest, Locale locale, String databaseUrl) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        String month = DateTimeFormatter.ofPattern(texts.getString("digest.month"), locale).format(digest.month());
        if (digest.empty()) {
            String invitation = format(texts, locale, "digest.empty", month);
            return new DigestMessage(invitation, List.of(invitation));
        }
        String headline = format(texts, locale, "digest.headline", month, digest.books().size());
        List<String> sections = new ArrayList<>();
        sections.add(headline);
        sections.addAll(bookSections(digest.books(), texts, locale, databaseUrl));
        if (!digest.readers().isEmpty()) {
            List<String> names = digest.readers().stream().map(DigestText::member).toList();
            sections.add(format(texts, locale, "digest.readers", String.join(", ", names), names.size(),
                    digest.readerShares()));
        }
        return new DigestMessage(headline, sections);
    }

    private List<String> bookSections(List<SharedBook> books, ResourceBundle texts, Locale locale, String databaseUrl) {
        List<String> sections = new ArrayList<>();
        StringBuilder section = new StringBuilder();
        for (int i = 0; i < books.size(); i++) {
            String line = format(texts, locale, "digest.book", SlackMrkdwn.link(books.get(i).pageUrl(),
                    shortened(books.get(i).title())));
            if (!section.isEmpty() && section.length() + 1 + line.length() > SECTION_LIMIT) {
                sections.add(section.toString());
                section.setLength(0);
                if (sections.size() == maxBookSections) {
                    // No room for another section: the last one says how many more there are, and where.
                    String more = format(texts, locale, "digest.more", books.size() - i, databaseUrl);
                    String last = sections.removeLast();
                    while (last.length() + 1 + more.length() > SECTION_LIMIT) {
                        last = last.substring(0, last.lastIndexOf('\n'));
                        i--;
                        more = format(texts, locale, "digest.more", books.size() - i, databaseUrl);
                    }
                    sections.add(last + "\n" + more);
                    return sections;
                }
            }
            section.append(section.isEmpty() ? "" : "\n").append(line);
        }
        sections.add(section.toString());
        return sections;
    }

    private static String member(SharedBook.Share reader) {
        return reader.memberId() != null ? "<@" + reader.memberId() + ">" : SlackMrkdwn.escape(reader.name());
    }

    private static String shortened(String title) {
        String text = title == null || title.isBlank() ? "…" : title.strip();
        return text.length() <= TITLE_LIMIT ? text : text.substring(0, TITLE_LIMIT - 1) + "…";
    }

    private static String format(ResourceBundle texts, Locale locale, String key, Object... arguments) {
        return new MessageFormat(texts.getString(key), locale).format(arguments);
    }
}
