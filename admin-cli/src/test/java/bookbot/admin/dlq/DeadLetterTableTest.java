package bookbot.admin.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import bookbot.core.deadletter.DeadLetter;

class DeadLetterTableTest {

    private static final Instant DIED = Instant.parse("2026-11-22T03:46:19Z");

    @Test
    void keepsColumnsAlignedWhenNamesAreKorean() {
        List<String> lines = print(
                deadLetter("e4872740356e", "이서연", "부의 추월차선"),
                deadLetter("76e7949a512d", "Alice Park", "Clean Code"));

        int bookColumn = lines.get(0).indexOf("BOOK");
        assertThat(DeadLetterTable.width(lines.get(1).substring(0, lines.get(1).indexOf("부의")))).isEqualTo(bookColumn);
        assertThat(lines.get(2).indexOf("Clean Code")).isEqualTo(bookColumn);
    }

    @Test
    void cutsLongTextToTheColumnsItMayTake() {
        assertThat(DeadLetterTable.cut("부의 추월차선(10주년 기념 에디션)", 10)).isEqualTo("부의 추월…");
        assertThat(DeadLetterTable.width(DeadLetterTable.cut("부의 추월차선(10주년 기념 에디션)", 10))).isLessThanOrEqualTo(10);
        assertThat(DeadLetterTable.cut("short", 10)).isEqualTo("short");
    }

    @Test
    void showsTheShortJobIdTheTimesInUtcAndEarlierReplays() {
        DeadLetter replayed = new DeadLetter("0123456789ab", "1f48708f-186c-41fd-b7b2-7e1bade90ae2", null,
                "https://ridibooks.com/books/1", null, "write", "notion-unauthorized", "401", 1, DIED, DIED, 2);

        String row = print(replayed).get(1);

        assertThat(row).startsWith("0123456789ab  1f48708f  write  notion-unauthorized  1 (replayed 2x)  2026-11-22 03:46:19")
                .endsWith("https://ridibooks.com/books/1");
    }

    private static DeadLetter deadLetter(String id, String member, String title) {
        return new DeadLetter(id, "1f48708f-186c-41fd-b7b2-7e1bade90ae2", title, "https://ridibooks.com/books/1", member,
                "write", "notion-unauthorized", "401", 1, DIED, DIED, 0);
    }

    private static List<String> print(DeadLetter... deadLetters) {
        StringWriter text = new StringWriter();
        DeadLetterTable.print(new PrintWriter(text), List.of(deadLetters));
        return text.toString().lines().toList();
    }
}
