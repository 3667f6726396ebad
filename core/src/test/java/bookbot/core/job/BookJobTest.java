package bookbot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import bookbot.core.testing.Jobs;

class BookJobTest {

    @Test
    void theMembersOwnTitleWinsOverTheLinksMetadata() {
        Recommendation withOverride = new Recommendation("T", "C", "U", Jobs.YES24_URL,
                new Category("소설", "SF"), "reason", "  My Title ");
        BookJob job = BookJob.submitted("job-1", withOverride, "en", java.time.Instant.now())
                .enriched(new BookMetadata("Page title", null, null, null), "Kim");

        assertThat(job.displayTitle()).isEqualTo("My Title");
    }

    @Test
    void withoutMetadataTheLinkIsTheTitle() {
        assertThat(Jobs.submitted().displayTitle()).isEqualTo(Jobs.YES24_URL);
        assertThat(Jobs.submitted().enriched(BookMetadata.NONE, null).displayTitle()).isEqualTo(Jobs.YES24_URL);
    }

    @Test
    void theRecommenderIsTheSlackUserUntilANameIsKnown() {
        assertThat(Jobs.submitted().recommenderDisplayName()).isEqualTo("U0MEMBER");
        assertThat(Jobs.submitted().enriched(BookMetadata.NONE, "Kim Reader").recommenderDisplayName())
                .isEqualTo("Kim Reader");
    }

    @Test
    void theJobKeepsTheIdTheGatewayGaveItThroughEveryStage() {
        Recommendation recommendation = Jobs.submitted().recommendation();

        BookJob job = BookJob.submitted("2f1c8e0a-5b7d-3c4e-9a1b-6d2e8f0c4a7b", recommendation, "en",
                java.time.Instant.now());

        assertThat(job.jobId()).isEqualTo("2f1c8e0a-5b7d-3c4e-9a1b-6d2e8f0c4a7b");
        assertThat(job.enriched(BookMetadata.NONE, "Kim").jobId()).isEqualTo(job.jobId());
    }
}
