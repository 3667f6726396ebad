package bookbot.admin.notion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** People copy a Notion link ("…/Book-club-0b00c1ab00004000800000000000001a?pvs=4"); the API wants the id. */
final class PageIds {

    private static final Pattern DASHED = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    private static final Pattern COMPACT = Pattern.compile("([0-9a-fA-F]{32})(?:[?#].*)?$");

    private PageIds() {
    }

    static String fromIdOrLink(String value) {
        String text = value.strip();
        Matcher dashed = DASHED.matcher(text);
        if (dashed.find()) {
            return dashed.group(1).toLowerCase();
        }
        Matcher compact = COMPACT.matcher(text);
        if (compact.find()) {
            String hex = compact.group(1).toLowerCase();
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        }
        throw new IllegalArgumentException("not a Notion page or database id, nor a link ending in one: " + value);
    }
}
