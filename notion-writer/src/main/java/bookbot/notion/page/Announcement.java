package bookbot.notion.page;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What a page's {@code Slack message} property says about the channel message of its job. The writer reads it
 * instead of the channel's history, which a bot that was never invited cannot read.
 *
 * <ul>
 * <li>{@link Unannounced}: empty — a page made before this property existed, or whose writer stopped between
 *     creating it and claiming it;</li>
 * <li>{@link Claimed}: "posting since T" — written with the page itself: the writer that created it is about to
 *     post, and a second copy of the job leaves the posting to it until the claim expires;</li>
 * <li>{@link Posted}: "posted C… 1700000000.000100" — written right after the message was posted.</li>
 * </ul>
 */
public sealed interface Announcement {

    String text();

    static Announcement parse(String text) {
        // The first line: later lines belong to later shares of the book (BookPage#slackMessageText).
        String value = text == null ? "" : text.strip().lines().findFirst().orElse("").strip();
        String[] words = value.split(" ");
        if (words.length == 3 && words[0].equals("posted")) {
            return new Posted(words[1], words[2]);
        }
        if (words.length == 3 && words[0].equals("posting") && words[1].equals("since")) {
            try {
                return new Claimed(Instant.parse(words[2]));
            } catch (DateTimeParseException e) {
                return new Unannounced();
            }
        }
        return new Unannounced();
    }

    record Unannounced() implements Announcement {

        @Override
        public String text() {
            return "";
        }
    }

    /** @param since when the writer that holds the claim created the page */
    record Claimed(Instant since) implements Announcement {

        @Override
        public String text() {
            return "posting since " + since;
        }

        public boolean heldAt(Instant now, Duration claimLength) {
            return now.isBefore(since.plus(claimLength));
        }

        public Duration remainingAt(Instant now, Duration claimLength) {
            Duration left = Duration.between(now, since.plus(claimLength));
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    record Posted(String channel, String ts) implements Announcement {

        @Override
        public String text() {
            return "posted " + channel + " " + ts;
        }
    }
}
