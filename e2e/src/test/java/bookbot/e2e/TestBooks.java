package bookbot.e2e;

import java.time.Instant;
import java.util.UUID;

import bookbot.core.job.BookJob;
import bookbot.core.job.JobKind;
import bookbot.core.job.BookMetadata;
import bookbot.core.job.Category;
import bookbot.core.job.Recommendation;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.SlackRequests;

/** Books the end-to-end tests share: a filled form, or a job as the enrich-worker hands it to the writer. */
final class TestBooks {

    private TestBooks() {
    }

    static FormValues form(String url) {
        return new FormValues(url, "소설::SF", "Worth it.", null);
    }

    /** A job as the writer receives it, to deliver straight to its queue (as a redelivery or a replay would). */
    static BookJob enrichedJob(String url) {
        Recommendation recommendation = new Recommendation(SlackRequests.TEAM_ID,
                SlackRequests.CHANNEL_ID, "U0MEMBER", url, new Category("소설", "SF"),
                "Delivered more than once.", null);
        return new BookJob(BookJob.SHARE_SCHEMA_VERSION, UUID.randomUUID().toString(), Instant.now(), "en", recommendation,
                new BookMetadata("A Book", null, null, null), "Kim Reader", JobKind.SHARE, null);
    }
}
