package bookbot.core.messaging;

import java.time.Duration;

/**
 * Names of the exchanges and queues, all derived from one namespace so that several pipelines (or test
 * runs) can share a broker without seeing each other's jobs.
 *
 * <pre>
 * {ns}        direct  --submitted--> {ns}.submitted --> enrich   --enriched--> {ns}.enriched --> write
 * {ns}.retries headers --bookbot-retry-tier--> {ns}.retry.{tier} (TTL) --expires--> {ns}, original routing key
 * {ns}.dead   fanout  --> {ns}.dead-letters (stream: the dead-letter log, read by offset, never consumed)
 *                         {ns}.dead-decisions (stream: which dead letters admins replayed or discarded)
 * </pre>
 */
public record Topology(String namespace) {

    public String workExchange() {
        return namespace;
    }

    public String retryExchange() {
        return namespace + ".retries";
    }

    public String deadLetterExchange() {
        return namespace + ".dead";
    }

    public String queue(Stage stage) {
        return namespace + "." + stage.inputKey();
    }

    public String retryQueue(Duration tier) {
        return namespace + ".retry." + tierName(tier);
    }

    /** A delay tier as it appears in queue names and headers: "5s", "250ms". */
    public static String tierName(Duration tier) {
        long millis = tier.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** The dead-letter log: every dead letter ever, in order of death (a stream, replicated on a cluster). */
    public String deadLetterLog() {
        return namespace + ".dead-letters";
    }

    /** What admins did with dead letters: one entry per replay or discard (a stream). */
    public String deadLetterDecisions() {
        return namespace + ".dead-decisions";
    }

    /** Where dead letters were kept before the log: a classic queue, emptied into the log on upgrade. */
    public String legacyDeadLetterQueue() {
        return namespace + ".dead";
    }
}
