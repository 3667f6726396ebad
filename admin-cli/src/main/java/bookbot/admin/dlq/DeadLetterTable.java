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
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                boolean last = column == row.length - 1;
                line.append(last ? row[column] : String.format("%-" + widths[column] + "s  ", row[column]));
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

    static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
