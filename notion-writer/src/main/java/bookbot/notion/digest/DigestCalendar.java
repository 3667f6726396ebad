package bookbot.notion.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.scheduling.support.CronExpression;

/**
 * Which month's digest is due when: each time the schedule fires, the month before (in the club's zone). A writer
 * that starts after a scheduled time it missed (down at 09:00 on the first) still publishes that month's digest,
 * when it starts within the catch-up window.
 */
final class DigestCalendar {

    private final CronExpression schedule;
    private final ZoneId zone;

    DigestCalendar(String schedule, ZoneId zone) {
        this.schedule = CronExpression.parse(schedule);
        this.zone = zone;
    }

    /** The month digested when the schedule fires at {@code firedAt}. */
    YearMonth monthDueAt(Instant firedAt) {
        return YearMonth.from(firedAt.atZone(zone)).minusMonths(1);
    }

    /** The month whose scheduled time is the latest within {@code (now - window, now]}, if one is. */
    Optional<YearMonth> catchUp(Instant now, Duration window) {
        ZonedDateTime end = now.atZone(zone);
        ZonedDateTime fire = schedule.next(end.minus(window));
        ZonedDateTime latest = null;
        while (fire != null && !fire.isAfter(end)) {
            latest = fire;
            fire = schedule.next(fire);
        }
        return Optional.ofNullable(latest).map(at -> monthDueAt(at.toInstant()));
    }

    /** The next time the schedule fires after {@code now}. */
    Instant next(Instant now) {
        return schedule.next(now.atZone(zone)).toInstant();
    }
}
