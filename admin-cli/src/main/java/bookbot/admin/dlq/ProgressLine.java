package bookbot.admin.dlq;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

import bookbot.core.deadletter.DeadLetters;

/** A progress line on stderr, at most once a second and at the end, for replays people wait for. */
final class ProgressLine implements DeadLetters.Progress {

    private final PrintWriter err;
    private final String verb;
    private final LongSupplier nanoTime;
    private final long started;
    private long lastPrinted;

    ProgressLine(PrintWriter err, String verb, LongSupplier nanoTime) {
        this.err = err;
        this.verb = verb;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.lastPrinted = started;
    }

    @Override
    public void advanced(int done, int of) {
        long now = nanoTime.getAsLong();
        if (done < of && now - lastPrinted < 1_000_000_000L) {
            return;
        }
        lastPrinted = now;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        err.printf("%s %d/%d (%d%%, %.1f/s)%n", verb, done, of, done * 100 / Math.max(1, of), done / seconds);
        err.flush();
    }
}
