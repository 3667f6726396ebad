package bookbot.core.testing;

import java.time.Instant;
import java.util.UUID;

import bookbot.core.job.BookJob;
import bookbot.core.job.Category;
import bookbot.core.job.Recommendation;

/** Sample jobs for tests: the original bot's yes24 book, as a member would submit it (each a job of its own). */
public final class Jobs {

    public static final String YES24_URL = "https://www.yes24.com/Product/Goods/106369008";

    private Jobs() {
    }

    public static BookJob submitted() {
        return submitted(YES24_URL);
    }

    public static BookJob submitted(String url) {
        Recommendation recommendation = new Recommendation("T0001", "C0BOOKS", "U0MEMBER", url,
                new Category("경영/경제", "재테크/금융/부동산"), "A classic about getting out of the slow lane.", null);
        return BookJob.submitted(UUID.randomUUID().toString(), recommendation, "en", Instant.parse("2026-11-22T10:15:30Z"));
    }
}
