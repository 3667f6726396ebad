package bookbot.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class MonthlyDigestTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Test
    void countsTheBooksFirstSharedInTheMonthInTheOrderTheyWereShared() {
        SharedBook second = page("b", "2026-10-20T01:00:00Z", "Kim", "U1", null);
        SharedBook first = page("a", "2026-10-02T01:00:00Z", "Alice", "U2", null);
        SharedBook september = page("c", "2026-09-29T01:00:00Z", "Kim", "U1", null);

        MonthlyDigest digest = MonthlyDigest.of(OCTOBER, SEOUL, List.of(second, first, september));

        assertThat(digest.books()).extracting(SharedBook::title).containsExactly("a", "b");
    }

    @Test
    void theMonthBeginsAndEndsInTheClubsTimeZone() {
        // 2026-10-01 08:00 in Seoul is still September 30 in UTC; 2026-11-01 08:00 in Seoul is October 31 in UTC.
        SharedBook earlyFirstDay = page("first day", "2026-09-30T23:00:00Z", "Kim", "U1", null);
        SharedBook november = page("november", "2026-10-31T23:00:00Z", "Kim", "U1", null);

        MonthlyDigest digest = MonthlyDigest.of(OCTOBER, SEOUL, List.of(earlyFirstDay, november));

        assertThat(digest.books()).extracting(SharedBook::title).containsExactly("first day");
    }

    @Test
    void theReaderOfTheMonthMadeTheMostShares() {
        MonthlyDigest digest = MonthlyDigest.of(OCTOBER, SEOUL, List.of(
                page("a", "2026-10-02T01:00:00Z", "Kim", "U1", null),
                page("b", "2026-10-03T01:00:00Z", "Kim", "U1", null),
                page("c", "2026-10-04T01:00:00Z", "Alice", "U2", null)));

        assertThat(digest.readers()).extracting(SharedBook.Share::memberId).containsExactly("U1");
        assertThat(digest.readerShares()).isEqualTo(2);
    }

    @Test
    void onATieEveryReaderIsNamedInTheOrderOfTheirFirstShare() {
        MonthlyDigest digest = MonthlyDigest.of(OCTOBER, SEOUL, List.of(
                page("a", "2026-10-05T01:00:00Z", "Alice", "U2", null),
                page("b", "2026-10-03T01:00:00Z", "Kim", "U1", null),
                page("c", "2026-10-07T01:00:00Z", "Bob", "U3", null),
                page("d", "2026-10-08T01:00:00Z", "Alice", "U2", null),
                page("e", "2026-10-09T01:00:00Z", "Kim", "U1", null)));

        assertThat(digest.readers()).extracting(SharedBook.Share::memberId).containsExactly("U1", "U2");
        assertThat(digest.readerShares()).isEqualTo(2);
    }

    @Test
    void aBookCoRecommendedInALaterMonthIsNotCountedAgainButTheShareCountsForItsMember() {
        // Shared by Kim in September, by Alice in October: a September book, an October share of Alice's.
        SharedBook september = page("old", "2026-09-10T01:00:00Z", "Kim, Alice", "U1 U2",
                "2026-09-10T01:00:00Z 2026-10-10T01:00:00Z");
        SharedBook october = page("new", "2026-10-11T01:00:00Z", "Kim", "U1", null);
        SharedBook alicesOwn = page("alice's", "2026-10-12T01:00:00Z", "Alice", "U2", null);

        MonthlyDigest digest = MonthlyDigest.of(OCTOBER, SEOUL, List.of(september, october, alicesOwn));

        assertThat(digest.books()).extracting(SharedBook::title).containsExactly("new", "alice's");
        assertThat(digest.readers()).extracting(SharedBook.Share::memberId).containsExactly("U2");
        assertThat(digest.readerShares()).isEqualTo(2);
    }

    @Test
    void aPageWithoutRecommenderIdsCountsItsMembersByName() {
        MonthlyDigest digest = MonthlyDigest.of(OCTOBER, SEOUL, List.of(
                page("a", "2026-10-02T01:00:00Z", "Kim Reader", null, null),
                page("b", "2026-10-03T01:00:00Z", "Kim Reader", null, null),
                page("c", "2026-10-04T01:00:00Z", "Alice Park", null, null)));

        assertThat(digest.readers()).extracting(SharedBook.Share::name).containsExactly("Kim Reader");
        assertThat(digest.readers().getFirst().memberId()).isNull();
    }

    @Test
    void aPageListedTwiceCountsOnce() {
        SharedBook page = page("a", "2026-10-02T01:00:00Z", "Kim", "U1", null);
        SharedBook other = page("b", "2026-10-03T01:00:00Z", "Alice", "U2", null);

        MonthlyDigest digest = MonthlyDigest.of(OCTOBER, SEOUL, List.of(page, page, other));

        assertThat(digest.books()).hasSize(2);
        assertThat(digest.readers()).extracting(SharedBook.Share::memberId).containsExactly("U1", "U2");
    }

    @Test
    void anEmptyMonthHasNoBooksAndNoReader() {
        MonthlyDigest digest = MonthlyDigest.of(OCTOBER, SEOUL,
                List.of(page("a", "2026-09-02T01:00:00Z", "Kim", "U1", null)));

        assertThat(digest.empty()).isTrue();
        assertThat(digest.readers()).isEmpty();
        assertThat(digest.readerShares()).isZero();
    }

    static SharedBook page(String title, String recommendedAt, String names, String ids, String sharedAt) {
        return SharedBook.fromPage("https://www.notion.so/" + title.hashCode(), title, null,
                Instant.parse(recommendedAt), names, ids, sharedAt);
    }
}
