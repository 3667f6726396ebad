package bookbot.admin.dlq;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

import picocli.CommandLine.Option;

import bookbot.core.deadletter.DeadLetterFilter;

/** The filter options every dlq command shares. */
class FilterOptions {

    @Option(names = "--stage", paramLabel = "STAGE", description = "only dead letters of this stage: enrich or write")
    String stage;

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "only those whose reason code or error contains TEXT (any case), e.g. 401")
    String reason;

    @Option(names = "--older-than", paramLabel = "AGE", description = "dead for at least AGE, e.g. 30m, 2h, 7d")
    String olderThan;

    @Option(names = "--newer-than", paramLabel = "AGE", description = "dead for less than AGE")
    String newerThan;

    DeadLetterFilter filter() {
        if (stage != null && !stage.equals("enrich") && !stage.equals("write")) {
            throw new IllegalArgumentException("--stage must be enrich or write, was " + stage);
        }
        return new DeadLetterFilter(stage, reason, age("--older-than", olderThan), age("--newer-than", newerThan));
    }

    private static Duration age(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " takes an age like 30m, 2h or 7d, not " + value);
        }
    }
}
