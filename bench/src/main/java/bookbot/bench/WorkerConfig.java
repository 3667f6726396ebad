package bookbot.bench;

import java.util.Map;

import bookbot.sandbox.client.Fake;
import bookbot.sandbox.client.KnobChange;

/**
 * One measured configuration of the workers: P processes per stage, each with T consumers on one kind of thread.
 *
 * @param knobs       sandbox knobs per API (latencies, Notion's rate limit)
 * @param cpuHashes   the enrich stage's synthetic CPU work per job (0: none), which bench-cpu-stage's jar adds
 * @param notionLimit the writers' shared Notion requests/s (0: off)
 */
record WorkerConfig(String part, int processes, int threads, String threadKind,
        Map<Fake, KnobChange> knobs, int cpuHashes, double notionLimit) {

    int concurrency() {
        return processes * threads;
    }

    String label() {
        return processes + "×" + threads + " " + threadKind;
    }
}
