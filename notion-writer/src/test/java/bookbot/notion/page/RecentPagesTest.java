package bookbot.notion.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecentPagesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final RecentPages recent = new RecentPages(100);

    @Test
    void aPageThisProcessCreatedIsFoundWhileTheQueryDoesNotShowItYet() {
        BookPage page = page("p1", "job-a");
        recent.created("job-a", page);

        assertThat(recent.addTo("job-a", List.of())).containsExactly(page);
    }

    @Test
    void aShareMovedOffThePageItMadeNoLongerFindsThatPage() {
        recent.created("job-a", page("p1", "job-a"));
        BookPage withoutA = page("p1", "job-a").withShares(PageShares.read("job-b", "Bob", "U2", "Good.",
                NOW.toString()));

        recent.sharesWritten(withoutA);

        assertThat(recent.addTo("job-a", List.of())).as("job-a's share is on another page now").isEmpty();
    }

    @Test
    void aPageThatGainedASharePassesOnWhatItNowHolds() {
        recent.created("job-a", page("p1", "job-a"));
        BookPage withB = page("p1", "job-a").withShares(PageShares.read("job-a job-b", "Kim, Bob", "U1 U2",
                "Kim: Fine.\n\nBob: Good.", NOW + " " + NOW));

        recent.sharesWritten(withB);

        assertThat(recent.addTo("job-a", List.of())).singleElement()
                .satisfies(found -> assertThat(found.shares().size()).isEqualTo(2));
    }

    private static BookPage page(String id, String jobId) {
        return new BookPage(id, "https://www.notion.so/" + id, NOW, new Announcement.Unannounced(), "yes24.com/1",
                PageShares.read(jobId, "Kim", "U1", "Fine.", NOW.toString()), null);
    }
}
