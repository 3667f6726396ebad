package bookbot.core.text;

/** Member text placed into a Slack message: escaped so it cannot mention everyone or forge a link. */
public final class SlackMrkdwn {

    private SlackMrkdwn() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A link that shows {@code label} (escaped) and opens {@code url}. */
    public static String link(String url, String label) {
        return "<" + url.replace(">", "%3E").replace("|", "%7C") + "|" + escape(label) + ">";
    }
}
