package bookbot.core.messaging;

/**
 * Names of the exchanges and queues, all derived from one namespace so that several pipelines (or test
 * runs) can share a broker without seeing each other's jobs.
 *
 * <pre>
 * {ns}        direct  --submitted--> {ns}.submitted --> enrich   --enriched--> {ns}.enriched --> write
 * {ns}.retry  fanout  --> {ns}.retry (TTL) --expires--> {ns} with the original routing key
 * {ns}.dead   fanout  --> {ns}.dead  (for admins)
 * </pre>
 */
public record Topology(String namespace) {

    public String workExchange() {
        return namespace;
    }

    public String retryExchange() {
        return namespace + ".retry";
    }

    public String deadLetterExchange() {
        return namespace + ".dead";
    }

    public String queue(Stage stage) {
        return namespace + "." + stage.inputKey();
    }

    public String retryQueue() {
        return namespace + ".retry";
    }

    public String deadLetterQueue() {
        return namespace + ".dead";
    }
}
