package bookbot.notion.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How a book's page holds its recommendations in text properties, and reads them back. */
class PageSharesTest {

    private static final Share KIM = new Share("job-1", "U0MEMBER", "Kim Reader", "A classic.",
            Instant.parse("2026-11-01T10:00:00Z"));
    private static final Share ALICE = new Share("job-2", "U0ALICE", "Alice Park", "Read it twice.\n\nThen again.",
            Instant.parse("2026-12-03T09:30:00Z"));

    @Test
    void oneRecommenderIsWrittenAsTheOriginalBotDid() {
        PageShares one = PageShares.of(KIM);

        assertThat(one.jobIdsText()).isEqualTo("job-1");
        assertThat(one.namesText()).isEqualTo("Kim Reader");
        assertThat(one.userIdsText()).isEqualTo("U0MEMBER");
        assertThat(one.reasonText()).isEqualTo("A classic.");
        assertThat(one.sharedAtText()).isEqualTo("2026-11-01T10:00:00Z");
    }

    @Test
    void severalRecommendersAreListedInOrderWithAParagraphOfReasonEach() {
        PageShares two = PageShares.of(KIM).with(ALICE);

        assertThat(two.jobIdsText()).isEqualTo("job-1 job-2");
        assertThat(two.namesText()).isEqualTo("Kim Reader, Alice Park");
        assertThat(two.userIdsText()).isEqualTo("U0MEMBER U0ALICE");
        assertThat(two.reasonText()).isEqualTo("Kim Reader: A classic.\n\nAlice Park: Read it twice.\n\nThen again.");
        assertThat(two.sharedAtText()).isEqualTo("2026-11-01T10:00:00Z 2026-12-03T09:30:00Z");
    }

    @Test
    void whatIsWrittenReadsBackTheSameEvenWithBlankLinesInAReason() {
        PageShares two = PageShares.of(ALICE).with(KIM);

        assertThat(PageShares.read(two.jobIdsText(), two.namesText(), two.userIdsText(), two.reasonText(),
                two.sharedAtText())).isEqualTo(two);
    }

    @Test
    void aShareAddedAgainReplacesItselfAndOneTakenOffLeavesTheOthersInOrder() {
        PageShares two = PageShares.of(KIM).with(ALICE);

        assertThat(two.with(ALICE.edited("Alice", "Changed my mind.")).shares()).extracting(Share::reason)
                .containsExactly("A classic.", "Changed my mind.");
        assertThat(two.without("job-1").shares()).containsExactly(ALICE);
    }

    @Test
    void aPageOfAnEarlierReleaseIsOneShareWithoutUserOrTime() {
        PageShares read = PageShares.read("job-1", "Kim, the reader", null, "Why: because, and more", null);

        assertThat(read.shares()).containsExactly(new Share("job-1", null, "Kim, the reader", "Why: because, and more",
                null));
    }

    @Test
    void aCommaInANameDoesNotSplitIt() {
        PageShares two = PageShares.of(new Share("job-1", "U1", "Lee, Min", "x", null)).with(ALICE);

        assertThat(PageShares.read(two.jobIdsText(), two.namesText(), two.userIdsText(), two.reasonText(),
                two.sharedAtText()).shares()).extracting(Share::name).isEqualTo(List.of("Lee,Min", "Alice Park"));
    }
}
