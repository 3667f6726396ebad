package bookbot.core.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Which dead letters an operation is about; a null criterion does not filter.
 *
 * @param stage          the stage that gave up ("enrich", "write")
 * @param reasonContains text found, ignoring case, in the failure's reason code or error message
 * @param olderThan      dead for at least this long (counted from the last failure)
 * @param newerThan      dead for less than this long
 */
public record DeadLetterFilter(String stage, String reasonContains, Duration olderThan, Duration newerThan) {

    public static final DeadLetterFilter NONE = new DeadLetterFilter(null, null, null, null);

    public DeadLetterFilter {
        stage = blankToNull(stage);
        reasonContains = blankToNull(reasonContains);
        if (olderThan != null && olderThan.isNegative() || newerThan != null && newerThan.isNegative()) {
            throw new IllegalArgumentException("ages must not be negative");
        }
    }

    public boolean isEmpty() {
        return stage == null && reasonContains == null && olderThan == null && newerThan == null;
    }

    public boolean matches(DeadLetter deadLetter, Instant now) {
        if (stage != null && !stage.equalsIgnoreCase(deadLetter.stage())) {
            return false;
        }
        if (reasonContains != null && !mentions(deadLetter.reason()) && !mentions(deadLetter.error())) {
            return false;
        }
        Duration age = deadLetter.lastFailedAt() == null ? null : Duration.between(deadLetter.lastFailedAt(), now);
        if (olderThan != null && (age == null || age.compareTo(olderThan) < 0)) {
            return false;
        }
        return newerThan == null || age != null && age.compareTo(newerThan) < 0;
    }

    private boolean mentions(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(reasonContains.toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
