package bookbot.notion.announce;

/** Member text placed into a Slack message: escaped so it cannot mention everyone or forge a link. */
final class SlackText {

    private SlackText() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
