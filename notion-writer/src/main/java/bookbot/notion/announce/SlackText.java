package bookbot.notion.announce;

import bookbot.core.text.SlackMrkdwn;

/** Member text placed into a Slack message: escaped so it cannot mention everyone or forge a link. */
final class SlackText {

    private SlackText() {
    }

    static String escape(String text) {
        return SlackMrkdwn.escape(text);
    }
}
