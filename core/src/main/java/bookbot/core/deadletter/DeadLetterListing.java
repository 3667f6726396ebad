package bookbot.core.deadletter;

import java.util.List;
import java.util.Map;

/**
 * @param total          open dead letters in the log (not replayed, not discarded)
 * @param matching       how many passed the filter
 * @param countsByReason the matching ones per reason code, most frequent first
 * @param deadLetters    one page of the matching ones, oldest first (order of death)
 * @param next           where the next page starts (give it as {@code after}), or null on the last page
 */
public record DeadLetterListing(int total, int matching, Map<String, Integer> countsByReason,
        List<DeadLetter> deadLetters, String next) {
}
