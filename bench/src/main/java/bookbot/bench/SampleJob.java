package bookbot.bench;

import java.time.Instant;

import bookbot.core.job.BookJob;
import bookbot.core.job.BookMetadata;
import bookbot.core.job.Category;
import bookbot.core.job.Recommendation;

/** A typical enriched job, for sizing the broker benchmark's messages like the pipeline's. */
final class SampleJob {

    private SampleJob() {
    }

    static BookJob enriched() {
        Recommendation recommendation = new Recommendation("T0SANDBOX", "C0BOOKS", "U0SEOYEON",
                "https://ridibooks.com/books/1354000126", new Category("경영/경제", "재테크/금융/부동산"),
                "10주년 에디션으로 다시 읽었어요. 부의 공식을 다시 생각하게 하는 책.", null);
        return BookJob.submitted("7be17ba4-54b1-485a-afe8-ef62be70a82a", recommendation, "ko", Instant.parse("2026-11-22T03:53:45Z"))
                .enriched(new BookMetadata("부의 추월차선(10주년 기념 에디션)", "엠제이 드마코 지음",
                        "https://img.ridicdn.net/cover/1354000126/xxlarge", "리디"), "이서연");
    }
}
