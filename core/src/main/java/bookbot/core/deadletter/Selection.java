package bookbot.core.deadletter;

import java.time.Instant;
import java.util.Set;

/**
 * The dead letters a replay or discard acts on: those with one of the ids (when any are given) that also pass
 * the filter. {@link #all()} must be asked for by name, so that a forgotten filter never means "everything".
 */
public record Selection(Set<String> ids, DeadLetterFilter filter) {

    public Selection {
        ids = ids == null ? Set.of() : Set.copyOf(ids);
        filter = filter == null ? DeadLetterFilter.NONE : filter;
    }

    public static Selection all() {
        return new Selection(Set.of(), DeadLetterFilter.NONE);
    }

    public static Selection byIds(Set<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no dead-letter id given");
        }
        return new Selection(ids, DeadLetterFilter.NONE);
    }

    public static Selection matching(DeadLetterFilter filter) {
        return new Selection(Set.of(), filter);
    }

    public boolean isAll() {
        return ids.isEmpty() && filter.isEmpty();
    }

    public boolean matches(DeadLetter deadLetter, Instant now) {
        return (ids.isEmpty() || ids.contains(deadLetter.id())) && filter.matches(deadLetter, now);
    }
}
