package bookbot.core.deadletter;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the {@code bookbot-history} header: the job's earlier deaths and replays as a JSON array. */
final class DeadLetterHistory {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<PastDeath>> LIST = new TypeReference<>() {
    };

    private DeadLetterHistory() {
    }

    /** An unreadable header counts as no history rather than hiding the dead letter. */
    static List<PastDeath> read(Object header) {
        if (header == null) {
            return List.of();
        }
        try {
            List<PastDeath> history = JSON.readValue(header.toString(), LIST);
            return history == null ? List.of() : List.copyOf(history);
        } catch (JacksonException e) {
            return List.of();
        }
    }

    static String write(List<PastDeath> history, PastDeath latest) {
        List<PastDeath> all = new ArrayList<>(history);
        all.add(latest);
        return JSON.writeValueAsString(all);
    }
}
