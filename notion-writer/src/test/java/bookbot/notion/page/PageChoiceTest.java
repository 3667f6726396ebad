package bookbot.notion.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which page of a job stays when two copies of the job each made one. */
class PageChoiceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration CLAIM = Duration.ofMinutes(3);
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

        PageChoice choice = PageChoice.among(List.of(only), Optional.of("a"), NOW, CLAIM);

        assertThat(choice.keeper()).isEqualTo(only);
        assertThat(choice.extras()).isEmpty();
    }

    @Test
    void theCopyThatStartedFirstKeepsItsPageAndTheOtherCopyTrashesItsOwn() {
        BookPage first = page("z", claimedAgo(900));
        BookPage second = page("a", claimedAgo(200));

        PageChoice bySecondCopy = PageChoice.among(List.of(second, first), Optional.of("a"), NOW, CLAIM);
        PageChoice byFirstCopy = PageChoice.among(List.of(first, second), Optional.of("z"), NOW, CLAIM);

        assertThat(bySecondCopy.keeper()).isEqualTo(first);
        assertThat(bySecondCopy.extras()).containsExactly(second);
        assertThat(byFirstCopy.keeper()).as("both copies agree, whatever order Notion lists them in").isEqualTo(first);
        assertThat(byFirstCopy.extras()).as("the first copy leaves the page the other copy still claims to it")
                .isEmpty();
    }

    @Test
    void anAnnouncedPageStaysEvenIfAnotherStartedEarlier() {
        BookPage announced = page("b", new Announcement.Posted("C0BOOKS", "1.2"));
        BookPage earlier = page("a", claimedAgo(CLAIM.toMillis() + 1));

        PageChoice choice = PageChoice.among(List.of(earlier, announced), Optional.empty(), NOW, CLAIM);

        assertThat(choice.keeper()).isEqualTo(announced);
        assertThat(choice.extras()).as("its claim expired: nobody will announce it").containsExactly(earlier);
    }

    @Test
    void aLostCreateAnswerLeavesAPageThatTheRetryFindsBesideItsOwn() {
        BookPage lost = page("x", claimedAgo(CLAIM.toMillis() + 5_000));
        BookPage retried = page("y", claimedAgo(10));

        PageChoice choice = PageChoice.among(List.of(retried, lost), Optional.of("y"), NOW, CLAIM);

        assertThat(choice.keeper()).isEqualTo(lost);
        assertThat(choice.extras()).containsExactly(retried);
    }

    @Test
    void pagesWithTheSameStartAreOrderedByIdSoEveryCopyPicksTheSame() {
        Announcement.Claimed same = claimedAgo(500);
        BookPage b = page("b", same);
        BookPage a = page("a", same);

        assertThat(PageChoice.among(List.of(b, a), Optional.of("b"), NOW, CLAIM).keeper()).isEqualTo(a);
        assertThat(PageChoice.among(List.of(a, b), Optional.of("a"), NOW, CLAIM).keeper()).isEqualTo(a);
    }
}
