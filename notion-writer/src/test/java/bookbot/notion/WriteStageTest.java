package bookbot.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import bookbot.core.failure.PermanentFailure;
import bookbot.core.job.BookJob;
import bookbot.core.job.JobKind;
import bookbot.core.testing.Jobs;

class WriteStageTest {

    private final List<BookJob> shared = new ArrayList<>();
    private final List<BookJob> told = new ArrayList<>();
    private final WriteStage stage = new WriteStage(List.of(new JobWriter() {
        @Override
        public JobKind kind() {
            return JobKind.SHARE;
        }

        @Override
        public void write(BookJob job) {
            if (job.recommendation().reason().equals("fails")) {
                throw new IllegalStateException("Notion is down");
            }
            shared.add(job);
        }
    }), List.of(told::add));

    @Test
    void handsEachJobToTheWriterOfItsKindAndIsTheEndOfTheLine() {
        BookJob share = Jobs.submitted();

        assertThat(stage.handle(share)).isEmpty();
        assertThat(shared).containsExactly(share);
    }

    @Test
    void listenersAreToldOfAJobOnceItsWriterWroteIt() {
        BookJob share = Jobs.submitted();

        stage.handle(share);

        assertThat(told).containsExactly(share);
    }

    @Test
    void listenersAreNotToldOfAJobWhoseWriterFailed() {
        BookJob failing = new BookJob(1, "j1", Instant.now(), "en", new bookbot.core.job.Recommendation("T1", "C1",
                "U1", Jobs.YES24_URL, new bookbot.core.job.Category("소설", "SF"), "fails", null), null, null,
                JobKind.SHARE, null);

        assertThatThrownBy(() -> stage.handle(failing)).isInstanceOf(IllegalStateException.class);
        assertThat(told).isEmpty();
    }

    @Test
    void aKindNoWriterHandlesIsADeadLetterWithItsReason() {
        BookJob digest = BookJob.digest(YearMonth.of(2026, 10), "en", Instant.now());

        assertThatThrownBy(() -> stage.handle(digest)).isInstanceOfSatisfying(PermanentFailure.class,
                failure -> assertThat(failure.reason()).isEqualTo("unsupported-job-kind"));
        assertThat(shared).isEmpty();
    }
}
