package bookbot.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DigestTextTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final String DATABASE = "https://www.notion.so/db";

    private final DigestText text = new DigestText();

    @Test
    void saysHowManyBooksLinksEveryTitleToItsPageAndNamesTheReadersOfTheMonthOnATie() {
        MonthlyDigest digest = MonthlyDigest.of(OCTOBER, ZoneOffset.UTC, List.of(
                book("https://www.notion.so/p1", "Project Hail Mary", "U1", "2026-10-02T01:00:00Z"),
                book("https://www.notion.so/p2", "부의 추월차선", "U2", "2026-10-03T01:00:00Z")));

        DigestMessage message = text.render(digest, Locale.ENGLISH, DATABASE);

        assertThat(message.text()).isEqualTo(":books: *October 2026*: 2 books were collected last month.");
        assertThat(message.sections()).containsExactly(
                ":books: *October 2026*: 2 books were collected last month.",
                "• <https://www.notion.so/p1|Project Hail Mary>\n• <https://www.notion.so/p2|부의 추월차선>",
                ":trophy: Readers of the month: <@U1>, <@U2>, with 1 book each");
    }

    @Test
    void oneBookAndOneReaderReadInTheSingular() {
        MonthlyDigest digest = MonthlyDigest.of(OCTOBER, ZoneOffset.UTC,
                List.of(book("https://www.notion.so/p1", "Dune", "U1", "2026-10-02T01:00:00Z")));

        DigestMessage message = text.render(digest, Locale.ENGLISH, DATABASE);

        assertThat(message.sections()).first().isEqualTo(":books: *October 2026*: 1 book was collected last month.");
        assertThat(message.sections()).last().isEqualTo(":trophy: Reader of the month: <@U1>, with 1 book");
    }

    @Test
    void speaksKorean() {
        MonthlyDigest digest = MonthlyDigest.of(OCTOBER, ZoneOffset.UTC, List.of(
                book("https://www.notion.so/p1", "Dune", "U1", "2026-10-02T01:00:00Z"),
                book("https://www.notion.so/p2", "Dune 2", "U1", "2026-10-03T01:00:00Z")));

        DigestMessage message = text.render(digest, Locale.KOREAN, DATABASE);

        assertThat(message.sections()).first().isEqualTo(":books: *2026년 10월*: 지난달 2권의 책이 모였어요.");
        assertThat(message.sections()).last().isEqualTo(":trophy: 이달의 독서왕: <@U1> (2권)");
    }

    @Test
    void anEmptyMonthIsAShortInvitationNotATableOfZeros() {
        DigestMessage message = text.render(MonthlyDigest.of(OCTOBER, ZoneOffset.UTC, List.of()), Locale.ENGLISH,
                DATABASE);

        assertThat(message.sections()).singleElement().asString()
                .startsWith(":books: *October 2026*: no book was shared last month.").doesNotContain("0 book").doesNotContain("Reader");
    }

    @Test
    void titlesCannotForgeLinksOrMentions() {
        MonthlyDigest digest = MonthlyDigest.of(OCTOBER, ZoneOffset.UTC, List.of(
                book("https://www.notion.so/p1", "<!channel> & <https://evil|click>", "U1", "2026-10-02T01:00:00Z")));

        assertThat(text.render(digest, Locale.ENGLISH, DATABASE).sections().get(1))
                .isEqualTo("• <https://www.notion.so/p1|&lt;!channel&gt; &amp; &lt;https://evil|click&gt;>");
    }

    @Test
    void manyBooksAreSplitIntoSectionsWithinSlacksLimitsAndAllListed() {
        List<SharedBook> books = IntStream.range(0, 300).mapToObj(i -> book("https://www.notion.so/page" + i,
                "A rather long book title, number " + i + ", ".repeat(5), "U" + (i % 7), "2026-10-02T01:00:00Z"))
                .toList();

        DigestMessage message = text.render(MonthlyDigest.of(OCTOBER, ZoneOffset.UTC, books), Locale.ENGLISH, DATABASE);

        assertThat(message.sections()).hasSizeLessThanOrEqualTo(DigestText.MAX_BOOK_SECTIONS + 2);
        assertThat(message.sections()).allSatisfy(section -> assertThat(section.length())
                .isLessThanOrEqualTo(DigestText.SECTION_LIMIT));
        String all = String.join("\n", message.sections());
        IntStream.range(0, 300).forEach(i -> assertThat(all).contains("https://www.notion.so/page" + i + "|"));
    }

    @Test
    void whatDoesNotFitInFiftyBlocksIsCountedWithALinkToTheDatabase() {
        List<SharedBook> books = IntStream.range(0, 100).mapToObj(i -> book("https://www.notion.so/page" + i,
                "T".repeat(140), "U1", "2026-10-02T01:00:00Z")).toList();
        DigestText twoSections = new DigestText(2);

        DigestMessage message = twoSections.render(MonthlyDigest.of(OCTOBER, ZoneOffset.UTC, books), Locale.ENGLISH,
                DATABASE);

        assertThat(message.sections()).hasSize(4);
        assertThat(message.sections()).allSatisfy(section -> assertThat(section.length())
                .isLessThanOrEqualTo(DigestText.SECTION_LIMIT));
        String listed = message.sections().get(1) + "\n" + message.sections().get(2);
        long titles = listed.lines().filter(line -> line.startsWith("• ")).count();
        assertThat(message.sections().get(2)).endsWith("…and " + (100 - titles) + " more in <" + DATABASE
                + "|the Notion database>");
        assertThat(message.sections().getFirst()).contains("100 books");
    }

    private static SharedBook book(String pageUrl, String title, String memberId, String at) {
        return SharedBook.fromPage(pageUrl, title, null, Instant.parse(at), memberId, memberId, null);
    }
}
