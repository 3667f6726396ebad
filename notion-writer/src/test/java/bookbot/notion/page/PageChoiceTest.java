package bookbot.notion.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which page of a job stays when two copies of the job each made one. */
class PageChoiceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant MINUTE = Instant.parse("2026-11-30T09:59:00Z");

    private static BookPage page(String id, Announcement announcement) {
        return new BookPage(id, "https://www.notion.so/" + id, MINUTE, announcement);
    }

    private static Announcement.Claimed claimedAgo(long millis) {
        return new Announcement.Claimed(NOW.minusMillis(millis));
    }

    @Test
    void aSinglePageIsKeptAndNothingGoesToTheTrash() {
        BookPage only = page("a", claimedAgo(100));

        PageChoice choice = PageChoice.among(List.of(only));

        assertThat(choice.keeper()).isEqualTo(only);
        assertThat(choice.extras()).isEmpty();
    }

    @Test
    void theCopyThatStartedFirstKeepsItsPageAndEitherCopyTrashesTheOther() {
        BookPage first = page("z", claimedAgo(900));
        BookPage second = page("a", claimedAgo(200));

        PageChoice bySecondCopy = PageChoice.among(List.of(second, first));
        PageChoice byFirstCopy = PageChoice.among(List.of(first, second));

        assertThat(bySecondCopy.keeper()).isEqualTo(first);
        assertThat(bySecondCopy.extras()).containsExactly(second);
        assertThat(byFirstCopy.keeper()).as("both copies agree, whatever order Notion lists them in").isEqualTo(first);
        assertThat(byFirstCopy.extras()).containsExactly(second);
    }

    @Test
    void anAnnouncedPageStaysEvenIfAnotherStartedEarlier() {
        BookPage announced = page("b", new Announcement.Posted("C0BOOKS", "1.2"));
        BookPage earlier = page("a", claimedAgo(180_001));

        PageChoice choice = PageChoice.among(List.of(earlier, announced));

        assertThat(choice.keeper()).isEqualTo(announced);
        assertThat(choice.extras()).containsExactly(earlier);
    }

    @Test
    void aLostCreateAnswerLeavesAPageThatTheRetryFindsBesideItsOwn() {
        BookPage lost = page("x", claimedAgo(2_000));
        BookPage retried = page("y", claimedAgo(10));

        PageChoice choice = PageChoice.among(List.of(retried, lost));

        assertThat(choice.keeper()).isEqualTo(lost);
        assertThat(choice.extras()).containsExactly(retried);
    }

    @Test
    void aSecondPageThatWasAnnouncedTooIsLeftAloneForItsMessageLinksToIt() {
        BookPage first = page("a", new Announcement.Posted("C0BOOKS", "1.1"));
        BookPage second = page("b", new Announcement.Posted("C0BOOKS", "1.2"));

        assertThat(PageChoice.among(List.of(second, first)).extras()).isEmpty();
    }

    @Test
    void pagesWithTheSameStartAreOrderedByIdSoEveryCopyPicksTheSame() {
        Announcement.Claimed same = claimedAgo(500);
        BookPage b = page("b", same);
        BookPage a = page("a", same);

        assertThat(PageChoice.among(List.of(b, a)).keeper()).isEqualTo(a);
        assertThat(PageChoice.among(List.of(a, b)).keeper()).isEqualTo(a);
    }
}
