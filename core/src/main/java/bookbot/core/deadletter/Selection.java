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

    /**
     * What an admin asked for: ids, a filter, or everything, exactly one of them.
     *
     * @throws IllegalArgumentException when they asked for none, or for more than one
     */
    public static Selection of(Set<String> ids, boolean all, DeadLetterFilter filter) {
        boolean hasIds = ids != null && !ids.isEmpty();
        boolean filtered = filter != null && !filter.isEmpty();
        if (all && (filtered || hasIds)) {
            throw new IllegalArgumentException("\"all\" takes no ids and no filter");
        }
        if (hasIds && filtered) {
            throw new IllegalArgumentException("give ids or a filter, not both");
        }
        if (all) {
            return all();
        }
        if (hasIds) {
            return byIds(ids);
        }
        if (filtered) {
            return matching(filter);
        }
        throw new IllegalArgumentException("say which dead letters: ids, a filter (stage, reason, age) or all");
    }

    public boolean matches(DeadLetter deadLetter, Instant now) {
        return (ids.isEmpty() || ids.contains(deadLetter.id())) && filter.matches(deadLetter, now);
    }
}
