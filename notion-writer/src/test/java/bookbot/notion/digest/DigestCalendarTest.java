package bookbot.notion.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** On the first of each month at 09:00 in the club's zone, the month before is due; a late start catches up. */
class DigestCalendarTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private final DigestCalendar calendar = new DigestCalendar("0 0 9 1 * *", SEOUL);

    @Test
    void theScheduleFiresOnTheFirstAt9InTheClubsZoneForTheMonthBefore() {
        Instant next = calendar.next(Instant.parse("2026-11-15T00:00:00Z"));

        assertThat(next).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(calendar.monthDueAt(next)).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void theFirstOfJanuaryDigestsDecember() {
        assertThat(calendar.monthDueAt(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void aWriterStartingAfterTheScheduledTimeWithinTheWindowCatchesUpThatMonth() {
        // November 1, 09:00 in Seoul was 00:00 UTC; the writer starts at 15:00 UTC.
        assertThat(calendar.catchUp(Instant.parse("2026-11-01T15:00:00Z"), Duration.ofDays(7)))
                .contains(YearMonth.of(2026, 10));
    }

    @Test
    void aWriterStartingBeforeTheScheduledTimeHasNothingToCatchUp() {
        // 08:00 in Seoul on November 1.
        assertThat(calendar.catchUp(Instant.parse("2026-10-31T23:00:00Z"), Duration.ofHours(12))).isEmpty();
    }

    @Test
    void aWriterStartingAfterTheWindowLeavesTheMonthToTheAdmin() {
        assertThat(calendar.catchUp(Instant.parse("2026-11-20T00:00:00Z"), Duration.ofDays(7))).isEmpty();
    }

    @Test
    void aZeroWindowNeverCatchesUp() {
        assertThat(calendar.catchUp(Instant.parse("2026-11-01T00:00:00Z"), Duration.ZERO)).isEmpty();
    }
}
