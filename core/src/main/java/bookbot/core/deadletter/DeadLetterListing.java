package bookbot.core.deadletter;

import java.util.List;
import java.util.Map;

/**
 * @param total          dead letters in the queue
 * @param matching       how many passed the filter
 * @param countsByReason the matching ones per reason code, most frequent first
 * @param deadLetters    the first matching ones, oldest first (queue order)
 */
public record DeadLetterListing(int total, int matching, Map<String, Integer> countsByReason,
        List<DeadLetter> deadLetters) {
}
