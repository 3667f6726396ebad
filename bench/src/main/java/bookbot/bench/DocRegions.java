package bookbot.bench;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the generated regions of a Markdown page, each between {@code <!-- bench:NAME:start -->} and
 * {@code <!-- bench:NAME:end -->}, and leaves every other character of the page as it was. A region the page
 * lacks, or a marker no content is given for, is an error: a table must not silently stop being updated.
 */
final class DocRegions {

    private static final Pattern START = Pattern.compile("<!-- bench:([a-z0-9-]+):start -->");

    private DocRegions() {
    }

    static String replace(String page, Map<String, String> contents) {
        Set<String> marked = names(page);
        if (!marked.equals(contents.keySet())) {
            throw new IllegalArgumentException("the page marks regions " + marked + ", the benchmark renders "
                    + contents.keySet());
        }
        String result = page;
        for (Map.Entry<String, String> region : contents.entrySet()) {
            result = replaceOne(result, region.getKey(), region.getValue());
        }
        return result;
    }

    static Set<String> names(String page) {
        Set<String> names = new LinkedHashSet<>();
        Matcher start = START.matcher(page);
        while (start.find()) {
            if (!names.add(start.group(1))) {
                throw new IllegalArgumentException("region " + start.group(1) + " is marked twice");
            }
        }
        return names;
    }

    private static String replaceOne(String page, String name, String content) {
        String start = "<!-- bench:" + name + ":start -->";
        String end = "<!-- bench:" + name + ":end -->";
        int from = page.indexOf(start);
        int to = page.indexOf(end);
        if (to < from || page.indexOf(end, to + end.length()) >= 0) {
            throw new IllegalArgumentException("region " + name + " needs one " + end + " after its start");
        }
        // Blank lines around the content: Markdown ends the comment's HTML block there, so a table still renders.
        return page.substring(0, from + start.length()) + "\n\n" + content.strip() + "\n\n" + page.substring(to);
    }
}
