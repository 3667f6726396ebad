package bookbot.sandbox.drill;

import java.io.PrintStream;

/**
 * What an operator sees, printed the way docs/operating.md shows it: each command line after {@code $ }, then its
 * output; notes between them in parentheses.
 */
final class Transcript {

    private final PrintStream out;

    Transcript(PrintStream out) {
        this.out = out;
    }

    /** A line of its own, e.g. what happens next. */
    void say(String line) {
        out.println(line);
    }

    /** A blank line, then {@code (note)}. */
    void note(String note) {
        out.println();
        out.println("(" + note + ")");
    }

    /** A blank line, {@code $ commandLine}, then what it printed (ending with a line break). */
    void command(String commandLine, String output) {
        out.println();
        out.println("$ " + commandLine);
        out.print(output);
        if (!output.isEmpty() && !output.endsWith("\n")) {
            out.println();
        }
    }

    /** The first {@code count} lines of an output, as {@code | sed -n 1,Np} or {@code | head -n N} leaves them. */
    static String firstLines(String output, int count) {
        return output.lines().limit(count).map(line -> line + "\n").reduce("", String::concat);
    }
}
