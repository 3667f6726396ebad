package bookbot.core.messaging;

import bookbot.core.job.JobKind;

import java.util.Optional;

/** The consuming stages of the pipeline, each with the routing key it reads and the one it writes. */
public enum Stage {
    /** Looks up the link's metadata and the member's name. */
    ENRICH("submitted", "enriched"),
    /** Writes the Notion page and tells the channel; the end of the line. */
    WRITE("enriched", null);

    private final String inputKey;
    private final String outputKey;

    Stage(String inputKey, String outputKey) {
        this.inputKey = inputKey;
        this.outputKey = outputKey;
    }

    public String inputKey() {
        return inputKey;
    }

    public Optional<String> outputKey() {
        return Optional.ofNullable(outputKey);
    }

    /** Where a new job of this kind starts: only what has a link to look up goes through enrich. */
    public static Stage firstFor(JobKind kind) {
        return kind.hasLink() ? ENRICH : WRITE;
    }

    public String label() {
        return name().toLowerCase();
    }
}
