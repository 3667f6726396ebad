package bookbot.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SharedBookTest {

    private static final Instant CREATED = Instant.parse("2026-10-02T01:00:00Z");

    @Test
    void aPageOfOneShareBeforeTheNewPropertiesWasSharedByItsRecommenderWhenItWasRecommended() {
        SharedBook book = SharedBook.fromPage("https://notion.so/p", "A book", null, CREATED, "Kim Reader", null, null);

        assertThat(book.shares()).containsExactly(new SharedBook.Share(null, "Kim Reader", CREATED));
    }

    @Test
    void idsNamesAndTimesLineUpInOrder() {
        SharedBook book = SharedBook.fromPage("https://notion.so/p", "A book", null, CREATED, "Kim, Alice", "U1 U2",
                "2026-10-02T01:00:00Z 2026-11-05T03:00:00Z");

        assertThat(book.shares()).containsExactly(
                new SharedBook.Share("U1", "Kim", CREATED),
                new SharedBook.Share("U2", "Alice", Instant.parse("2026-11-05T03:00:00Z")));
        assertThat(book.sharedBy("U2")).isTrue();
        assertThat(book.sharedBy("U3")).isFalse();
    }

    @Test
    void aNameWithACommaStillLeavesEveryIdItsShare() {
        SharedBook book = SharedBook.fromPage("https://notion.so/p", "A book", null, CREATED, "Park, Alice, Kim",
                "U2 U1", null);

        assertThat(book.shares()).extracting(SharedBook.Share::memberKey).containsExactly("U2", "U1");
        assertThat(book.sharerNames()).containsExactly("U2", "U1");
    }

    @Test
    void unreadableTimesFallBackToWhenThePageWasRecommended() {
        SharedBook book = SharedBook.fromPage("https://notion.so/p", "A book", null, CREATED, "Kim", "U1", "yesterday");

        assertThat(book.shares()).containsExactly(new SharedBook.Share("U1", "Kim", CREATED));
    }

    @Test
    void aShareFromBeforeTheNewPropertiesIsUnknownWhileALaterOneKeepsItsMemberAndTime() {
        Instant later = Instant.parse("2026-12-03T10:00:00Z");
        SharedBook book = SharedBook.fromPage("https://notion.so/p", "A book", null, CREATED, "Kim, Alice", "- U2",
                "- " + later);

        assertThat(book.shares()).containsExactly(new SharedBook.Share(null, "Kim", CREATED),
                new SharedBook.Share("U2", "Alice", later));
    }
}
