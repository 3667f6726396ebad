package bookbot.notion.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import bookbot.core.digest.SharedBook;
import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookJob;
import bookbot.core.job.BookMetadata;
import bookbot.core.testing.Jobs;
import bookbot.integration.notion.BookShelf;

/** Opening Home costs Notion at most one read a minute; a share written here shows at once. */
class LatestBooksTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final SharedBook DUNE = SharedBook.fromPage("https://www.notion.so/p1", "Dune", null, NOW,
            "Kim", "U1", null);

    private final BookShelf shelf = mock(BookShelf.class);
    private final MutableClock clock = new MutableClock(NOW);
    private final LatestBooks latest = new LatestBooks(shelf, 100, Duration.ofMinutes(1), clock);

    @Test
    void readsNotionAtMostOnceAMinuteHoweverOftenHomeIsOpened() {
        when(shelf.latest(100)).thenReturn(List.of(DUNE));

        latest.books();
        clock.now = NOW.plusSeconds(59);
        latest.books();
        verify(shelf, times(1)).latest(100);

        clock.now = NOW.plusSeconds(60);
        assertThat(latest.books()).containsExactly(DUNE);
        verify(shelf, times(2)).latest(100);
    }

    @Test
    void aShareWrittenHereShowsFirstAtOnceWithoutAskingNotion() {
        when(shelf.latest(100)).thenReturn(List.of(DUNE));
        latest.books();
        BookJob shared = Jobs.submitted().enriched(new BookMetadata("Project Hail Mary", null,
                "https://img.example/cover.jpg", null), "Alice");

        latest.written(shared);

        assertThat(latest.books()).extracting(SharedBook::title).containsExactly("Project Hail Mary", "Dune");
        assertThat(latest.books().getFirst().sharedBy(shared.recommendation().userId())).isTrue();
        verify(shelf, times(1)).latest(100);
    }

    @Test
    void whenNotionCannotBeReadTheBooksReadBeforeAreShown() {
        when(shelf.latest(100)).thenReturn(List.of(DUNE))
                .thenThrow(new TransientFailure("notion-http-503", "down", null));
        latest.books();
        clock.now = NOW.plusSeconds(120);

        assertThat(latest.books()).containsExactly(DUNE);
    }

    @Test
    void withNothingReadYetANotionFailureIsTheJobs() {
        when(shelf.latest(100)).thenThrow(new TransientFailure("notion-http-503", "down", null));

        assertThatThrownBy(latest::books).isInstanceOf(TransientFailure.class);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
