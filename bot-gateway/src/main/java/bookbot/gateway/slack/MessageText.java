package bookbot.gateway.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Slack message's text as Slack sends it ({@code <https://…|label>} links, {@code <@U…>} mentions, {@code &amp;}
 * escapes): the links in it, and the words as a member reads them.
 */
final class MessageText {

    /** {@code <target>} or {@code <target|label>}. */
    private static final Pattern MARKUP = Pattern.compile("<([^<>|]+)(?:\\|([^<>]*))?>");
    /** A link typed without Slack's markup (some clients, pasted text). */
    private static final Pattern BARE_LINK = Pattern.compile("https?://[^\\s<>|]+", Pattern.CASE_INSENSITIVE);

    private MessageText() {
    }

    /** The http(s) links of the text, in order of appearance. */
    static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        Matcher markup = MARKUP.matcher(text);
        int last = 0;
        while (markup.find()) {
            bareLinks(text.substring(last, markup.start()), links);
            String target = unescape(markup.group(1));
            if (target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8)) {
                links.add(target);
            }
            last = markup.end();
        }
        bareLinks(text.substring(last), links);
        return links;
    }

    /** The text as it reads in Slack: a link as its label (or its address), a mention as {@code @U…}. */
    static String plain(String text) {
        if (text == null) {
            return null;
        }
        Matcher markup = MARKUP.matcher(text);
        StringBuilder plain = new StringBuilder();
        while (markup.find()) {
            markup.appendReplacement(plain, Matcher.quoteReplacement(readable(markup.group(1), markup.group(2))));
        }
        markup.appendTail(plain);
        return unescape(plain.toString()).strip();
    }

    private static String readable(String target, String label) {
        if (label != null && !label.isBlank()) {
            return switch (target.charAt(0)) {
                case '@' -> "@" + label;
                case '#' -> "#" + label;
                default -> label;
            };
        }
        return switch (target.charAt(0)) {
            case '@', '#' -> target;
            case '!' -> "@" + target.substring(1);
            default -> target;
        };
    }

    private static void bareLinks(String text, List<String> links) {
        Matcher bare = BARE_LINK.matcher(text);
        while (bare.find()) {
            links.add(unescape(bare.group()));
        }
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
