package bookbot.harness;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run ended with. Every accepted job must be either exactly one page with exactly one channel message,
 * or one dead letter with a reason.
 *
 * @param deadLetters dead letters of accepted jobs, by reason
 * @param lost        accepted jobs with neither a page and its message nor a dead letter
 * @param retries     attempts the workers scheduled again after a transient failure
 * @param faults      calls the fakes failed on purpose, by API
 * @param processing  from the first submission until the pipeline was quiet
 */
record HarnessReport(
        int submitted,
        int accepted,
        int pages,
        int messages,
        int duplicatePages,
        int duplicateMessages,
        Map<String, Integer> deadLetters,
        int malformedInjected,
        int malformedDeadLettered,
        int lost,
        long retries,
        int kills,
        int connectionsClosed,
        BrokerEvents broker,
        Map<String, Long> faults,
        long notionCalls,
        long notionRateLimited,
        long notionAnswersLost,
        Duration processing,
        Duration wallTime) {

    /** What the broker went through: one node or a 3-node cluster; restarts, nodes killed, nodes restarted one by one. */
    record BrokerEvents(boolean cluster, int restarts, int nodesKilled, int nodesRestarted) {

        /** What happened after {@code earlier}: a broker shared by several runs counts for all of them. */
        BrokerEvents since(BrokerEvents earlier) {
            return new BrokerEvents(cluster, restarts - earlier.restarts, nodesKilled - earlier.nodesKilled,
                    nodesRestarted - earlier.nodesRestarted);
        }
    }

    boolean passed() {
        return lost == 0 && duplicatePages == 0 && duplicateMessages == 0 && malformedDeadLettered == malformedInjected;
    }

    int deadLetterTotal() {
        return deadLetters.values().stream().mapToInt(Integer::intValue).sum();
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| what | count |\n|---|---:|\n");
        row(out, "jobs submitted (signed view_submission)", submitted);
        row(out, "accepted by the gateway", accepted);
        row(out, "Notion pages", pages);
        row(out, "channel messages", messages);
        row(out, "duplicate pages", duplicatePages);
        row(out, "duplicate messages", duplicateMessages);
        row(out, "dead letters (accepted jobs)", deadLetterTotal());
        new TreeMap<>(deadLetters).forEach((reason, count) -> row(out, "  · " + reason, count));
        row(out, "malformed messages injected / dead-lettered", malformedInjected + " / " + malformedDeadLettered);
        row(out, "**lost**", lost);
        row(out, "retries scheduled", retries);
        row(out, "worker processes killed (SIGKILL)", kills);
        row(out, "worker connections closed by the broker", connectionsClosed);
        row(out, "broker", broker.cluster() ? "3-node cluster" : "one node");
        row(out, "broker restarts (every node)", broker.restarts());
        row(out, "nodes killed (SIGKILL) / restarted one by one", broker.nodesKilled() + " / " + broker.nodesRestarted());
        new TreeMap<>(faults).forEach((api, count) -> row(out, "faults injected by the " + api + " fake", count));
        row(out, "Notion calls / answered 429", notionCalls + " / " + notionRateLimited);
        row(out, "Notion creates stored whose answer was lost", notionAnswersLost);
        row(out, "books archived per second (first submission until quiet)",
                String.format("%.2f", Math.min(pages, messages) / (processing.toMillis() / 1000.0)));
        row(out, "wall time", String.format("%.0f s", wallTime.toMillis() / 1000.0));
        return out.toString();
    }

    private static void row(StringBuilder out, String what, Object count) {
        out.append("| ").append(what).append(" | ").append(count).append(" |\n");
    }
}
