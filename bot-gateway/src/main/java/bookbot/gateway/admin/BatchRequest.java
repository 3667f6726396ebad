package bookbot.gateway.admin;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.boot.convert.DurationStyle;

import bookbot.core.deadletter.DeadLetterFilter;
import bookbot.core.deadletter.Selection;

/**
 * The body of a replay or discard: which dead letters (ids, a filter, or {@code "all": true}) and how.
 *
 * @param olderThan     an age like "30m", "2h", "7d" or ISO-8601 ("PT2H")
 * @param ratePerSecond replays a second, 0 or absent for no limit
 * @param because       why they are discarded; required for a discard
 * @param by            who asks, recorded on replayed jobs and in the log
 */
record BatchRequest(List<String> ids, Boolean all, String stage, String reason, String olderThan, String newerThan,
        Boolean dryRun, Double ratePerSecond, String because, String by) {

    static final BatchRequest EMPTY = new BatchRequest(null, null, null, null, null, null, null, null, null, null);

    Selection selection() {
        return Selection.of(ids == null ? null : new LinkedHashSet<>(ids), Boolean.TRUE.equals(all),
                filter(stage, reason, olderThan, newerThan));
    }

    boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    double rate() {
        if (ratePerSecond != null && ratePerSecond < 0) {
            throw new IllegalArgumentException("ratePerSecond must not be negative");
        }
        return ratePerSecond == null ? 0 : ratePerSecond;
    }

    static DeadLetterFilter filter(String stage, String reason, String olderThan, String newerThan) {
        return new DeadLetterFilter(stage, reason, age("olderThan", olderThan), age("newerThan", newerThan));
    }

    private static Duration age(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " takes an age like 30m, 2h or 7d, not " + value);
        }
    }
}
