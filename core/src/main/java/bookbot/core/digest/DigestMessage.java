package bookbot.core.digest;

import java.util.List;

/**
 * A digest as it is posted: the notification text, and the message's sections (Slack mrkdwn, each within Slack's
 * 3,000 characters, few enough for Slack's 50 blocks).
 */
public record DigestMessage(String text, List<String> sections) {

    public DigestMessage {
        sections = List.copyOf(sections);
    }

    /** As a person reads it in a terminal: the sections one after another. */
    public String plain() {
        return String.join("\n\n", sections);
    }
}
