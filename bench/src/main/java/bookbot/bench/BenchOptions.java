package bookbot.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param quick   a smoke run: a few configurations, short windows (CI runs it)
 * @param out     where results (CSV, Markdown, PNG) are written: results/, or target/bench-quick/ for a quick run
 * @param warmUp  completions before this are not measured
 * @param measure the steady-state window each configuration is measured over
 * @param renderDocs measure nothing: rewrite docs/threads-or-processes.md's tables from the result files in {@code out}
 */
record BenchOptions(boolean quick, Path out, Duration warmUp, Duration measure, boolean renderDocs) {

    /** @param out where to write the results, or null for the run's own directory */
    static BenchOptions of(boolean quick, Path out, boolean renderDocs) {
        if (quick && renderDocs) {
            throw new IllegalArgumentException("--render-docs renders a full run's results, not a quick one's");
        }
        if (out == null) {
            // A smoke run must not overwrite the full run's results that docs/threads-or-processes.md shows.
            out = Path.of(quick ? "target/bench-quick" : "results");
        }
        return quick
                ? new BenchOptions(true, out, Duration.ofSeconds(2), Duration.ofSeconds(4), false)
                : new BenchOptions(false, out, Duration.ofSeconds(5), Duration.ofSeconds(10), renderDocs);
    }
}
