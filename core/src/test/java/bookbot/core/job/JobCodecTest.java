package bookbot.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import bookbot.core.testing.Jobs;

class JobCodecTest {

    private final JobCodec codec = new JobCodec();

    @Test
    void aJobSurvivesTheRoundTripWithEverythingTheStagesAdded() {
        BookJob job = Jobs.submitted().enriched(
                new BookMetadata("부의 추월차선", "desc", "https://image.yes24.com/goods/106369008/XL", "예스24"),
                "Kim Reader");

        BookJob decoded = codec.decode(codec.encode(job));

        assertThat(decoded).isEqualTo(job);
    }

    @Test
    void writesReadableJsonWithTheSchemaVersionAndIsoTimes() {
        String json = codec.toJson(Jobs.submitted());

        assertThat(json).contains("\"schemaVersion\":1")
                .contains("\"submittedAt\":\"2026-11-22T10:15:30Z\"")
                .contains("\"group\":\"경영/경제\"")
                .doesNotContain("\"book\"");
    }

    @Test
    void ignoresFieldsAddedByANewerMinorRelease() {
        BookJob job = Jobs.submitted();
        String json = codec.toJson(job).replaceFirst("\\{", "{\"addedLater\":42,");

        assertThat(codec.decode(bytes(json))).isEqualTo(job);
    }

    @Test
    void refusesAnUnknownSchemaVersion() {
        String json = codec.toJson(Jobs.submitted()).replace("\"schemaVersion\":1", "\"schemaVersion\":3");

        assertThatThrownBy(() -> codec.decode(bytes(json)))
                .isInstanceOf(MalformedJobException.class)
                .hasMessageContaining("unsupported schema version 3");
    }

    @Test
    void aShareStaysVersionOneSoThePreviousReleaseReadsItAndOtherKindsAreVersionTwo() {
        BookJob edit = BookJob.edit("edit-1", "share-1", Jobs.submitted().recommendation(), "en", Jobs.submitted().submittedAt());
        BookJob digest = BookJob.digest(java.time.YearMonth.of(2026, 10), "ko", Jobs.submitted().submittedAt());

        assertThat(codec.toJson(Jobs.submitted())).contains("\"schemaVersion\":1").doesNotContain("\"subject\"");
        assertThat(codec.toJson(edit)).contains("\"schemaVersion\":2", "\"kind\":\"EDIT\"", "\"subject\":\"share-1\"");
        assertThat(codec.decode(codec.encode(edit))).isEqualTo(edit);
        assertThat(codec.decode(codec.encode(digest))).isEqualTo(digest)
                .satisfies(job -> assertThat(job.jobId()).isEqualTo("digest-2026-10"));
    }

    @Test
    void aVersionOneJobWithoutAKindIsAShare() {
        BookJob decoded = codec.decode(bytes(codec.toJson(Jobs.submitted()).replace(",\"kind\":\"SHARE\"", "")));

        assertThat(decoded.kind()).isEqualTo(JobKind.SHARE);
    }

    @Test
    void refusesBodiesThatAreNotJobs() {
        assertThatThrownBy(() -> codec.decode(bytes("not json"))).isInstanceOf(MalformedJobException.class);
        assertThatThrownBy(() -> codec.decode(bytes(""))).isInstanceOf(MalformedJobException.class);
        assertThatThrownBy(() -> codec.decode(bytes("{\"schemaVersion\":1,\"jobId\":\"j1\"}")))
                .isInstanceOf(MalformedJobException.class)
                .hasMessageContaining("submittedAt is required");
    }

    @Test
    void malformedJobsAreDeadLetteredNotRetried() {
        MalformedJobException error = new MalformedJobException("x", null);

        assertThat(bookbot.core.failure.Failure.of(error).transientFailure()).isFalse();
        assertThat(error.reason()).isEqualTo("malformed-job");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
