package bookbot.core.job;

/**
 * Text from outside — what a member typed, what a linked page calls itself — made safe to store and show: control characters removed (a tab stays, line breaks become
 * {@code \n}), and so are the bidirectional overrides that make text display in another order than it is
 * stored. Escaping for Slack's markup and splitting for Notion's limits happen where the text is written.
 */
public final class CleanText {

    private CleanText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder clean = new StringBuilder(lines.length());
        lines.codePoints().filter(CleanText::keep).forEach(clean::appendCodePoint);
        return clean.toString();
    }

    private static boolean keep(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return true;
        }
        if (Character.getType(codePoint) == Character.CONTROL) {
            return false;
        }
        // LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI
        return !(codePoint >= 0x202A && codePoint <= 0x202E) && !(codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
