package bookbot.enrich;

import java.util.List;
import java.util.regex.Pattern;

import bookbot.core.job.BookMetadata;

/**
 * Book titles without the store's name that store pages append ({@code "데미안 - 알라딘"}, {@code "Clean Code |
 * 교보문고"}): one table of the suffixes, applied to whatever the lookup found.
 */
public final class StoreTitles {

    /** A separator (-, |, :, ·) then a store's name, at the end of the title. */
    private static final List<String> STORES = List.of("예스24", "YES24", "yes24", "교보문고", "KYOBO", "알라딘",
            "aladin", "Aladin", "네이버 도서", "네이버 책", "Naver Books", "리디", "RIDI", "ridibooks", "인터파크 도서",
            "밀리의 서재");
    private static final List<Pattern> SUFFIXES = STORES.stream()
            .map(store -> Pattern.compile("\\s*[-|:·–—]\\s*" + Pattern.quote(store) + "\\s*$")).toList();

    private StoreTitles() {
    }

    public static String clean(String title) {
        if (title == null) {
            return null;
        }
        String clean = title.strip();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Pattern suffix : SUFFIXES) {
                String shorter = suffix.matcher(clean).replaceFirst("");
                if (!shorter.equals(clean) && !shorter.isBlank()) {
                    clean = shorter.strip();
                    changed = true;
                }
            }
        }
        return clean;
    }

    public static BookMetadata clean(BookMetadata book) {
        if (book == null || book.title() == null) {
            return book;
        }
        return new BookMetadata(clean(book.title()), book.description(), book.imageUrl(), book.siteName(),
                book.author());
    }
}
