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
    private final WriteStage stage = new WriteStage(List.of(new JobWriter() {
        @Override
        public JobKind kind() {
            return JobKind.SHARE;
        }

        @Override
        public void write(BookJob job) {
            shared.add(job);
        }
    }));

    @Test
    void handsEachJobToTheWriterOfItsKindAndIsTheEndOfTheLine() {
        BookJob share = Jobs.submitted();

        assertThat(stage.handle(share)).isEmpty();
        assertThat(shared).containsExactly(share);
    }

    @Test
    void aKindNoWriterHandlesIsADeadLetterWithItsReason() {
        BookJob digest = BookJob.digest(YearMonth.of(2026, 10), "en", Instant.now());

        assertThatThrownBy(() -> stage.handle(digest)).isInstanceOfSatisfying(PermanentFailure.class,
                failure -> assertThat(failure.reason()).isEqualTo("unsupported-job-kind"));
        assertThat(shared).isEmpty();
    }
}
