package bookbot.admin.dlq;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import bookbot.core.deadletter.DeadLetter;

/** Dead letters as a table people read in a terminal; times in UTC. */
final class DeadLetterTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String[] HEADINGS = {"ID", "JOB", "STAGE", "REASON", "TRIES", "FIRST FAILED (UTC)",
            "LAST FAILED (UTC)", "MEMBER", "BOOK"};

    private DeadLetterTable() {
    }

    static void print(PrintWriter out, List<DeadLetter> deadLetters) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (DeadLetter d : deadLetters) {
            rows.add(new String[] {d.id(), shortJobId(d.jobId()), d.stage(), d.reason(), tries(d),
                    time(d.firstFailedAt()), time(d.lastFailedAt()), cut(orDash(d.member()), 20), book(d)});
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], width(row[column]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                boolean last = column == row.length - 1;
                line.append(row[column]);
                if (!last) {
                    line.append(" ".repeat(widths[column] - width(row[column]) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    private static String tries(DeadLetter d) {
        return d.replays() == 0 ? String.valueOf(d.attempts()) : d.attempts() + " (replayed " + d.replays() + "x)";
    }

    /** A job id's first block is enough to tell them apart on screen; {@code show} and JSON give the whole. */
    private static String shortJobId(String jobId) {
        if (jobId == null) {
            return "-";
        }
        int dash = jobId.indexOf('-');
        return dash > 0 ? jobId.substring(0, dash) : cut(jobId, 8);
    }

    private static String book(DeadLetter d) {
        if (d.title() == null && d.link() == null) {
            return "(not a readable job)";
        }
        if (d.title() == null || d.title().equals(d.link())) {
            return cut(d.link(), 60);
        }
        return cut(d.title(), 40) + " <" + cut(d.link(), 50) + ">";
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    /** Cuts to at most {@code max} terminal columns. */
    static String cut(String value, int max) {
        if (width(value) <= max) {
            return value;
        }
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int w = columns(codePoint);
            if (used + w > max - 1) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += w;
            i += Character.charCount(codePoint);
        }
        return kept + "…";
    }

    /** Terminal columns a text takes: Hangul, CJK and full-width forms take two. */
    static int width(String value) {
        return value.codePoints().map(DeadLetterTable::columns).sum();
    }

    private static int columns(int codePoint) {
        boolean wide = codePoint >= 0x1100 && codePoint <= 0x115F
                || codePoint >= 0x2E80 && codePoint <= 0xA4CF
                || codePoint >= 0xAC00 && codePoint <= 0xD7A3
                || codePoint >= 0xF900 && codePoint <= 0xFAFF
                || codePoint >= 0xFE30 && codePoint <= 0xFE4F
                || codePoint >= 0xFF00 && codePoint <= 0xFF60
                || codePoint >= 0xFFE0 && codePoint <= 0xFFE6;
        return wide ? 2 : 1;
    }
}
