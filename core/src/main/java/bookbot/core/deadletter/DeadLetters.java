package bookbot.core.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;

import bookbot.core.messaging.BrokerConnections;
import bookbot.core.messaging.PublishFailedException;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;

/**
 * What admins do with dead letters: list, show, replay, discard. The CLI and the gateway's admin API are two
 * front ends of this one class.
 *
 * <p>Dead letters live in the dead-letter log ({@link DeadLetterLog}): reading it takes nothing, so looking changes
 * nothing and admins may look, and act, at the same time. A replay publishes each job back to the stage that
 * failed, waits for the broker's confirm, then appends its decision; killed at any moment, every dead letter is
 * either still open or replayed (or, killed between the two, both: it is replayed again later, and the writer's
 * idempotence turns that into one page). Operations read the log a page at a time, so memory holds the page (and
 * the ids of decided letters), not the log, and no delivery is held while a paced replay waits for its turn.
 */
public class DeadLetters {

    /** Told after each dead letter a replay or discard dealt with. */
    public interface Progress {
        Progress NONE = (done, of) -> {
        };

        void advanced(int done, int of);
    }

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int BATCH = 200;

    private final BrokerConnections connections;
    private final Topology topology;
    private final DeadLetterReader reader;
    private final Duration confirmTimeout;
    private final Clock clock;

    public DeadLetters(BrokerConnections connections, Topology topology, DeadLetterReader reader,
            Duration confirmTimeout, Clock clock) {
        this.connections = connections;
        this.topology = topology;
        this.reader = reader;
        this.confirmTimeout = confirmTimeout;
        this.clock = clock;
    }

    public DeadLetterListing list(DeadLetterFilter filter, int limit) {
        return list(filter, limit, null);
    }

    /** @param after where the page starts: a listing's {@code next}, or null for the first page */
    public DeadLetterListing list(DeadLetterFilter filter, int limit, String after) {
        long start = after == null || after.isBlank() ? -1 : cursor(after);
        Instant now = clock.instant();
        int[] total = {0};
        List<DeadLetter> page = new ArrayList<>();
        boolean[] more = {false};
        Map<String, Long> counts = new HashMap<>();
        long[] next = {-1};
        try (Operation operation = open()) {
            Set<Long> decided = operation.log.decidedOffsets();
            int[] matched = {0};
            operation.log.readLetters(entry -> {
                if (decided.contains(entry.offset())) {
                    return true;
                }
                DeadLetter brief = reader.brief(entry.message());
                total[0]++;
                if (filter.matches(brief, now)) {
                    matched[0]++;
                    counts.merge(brief.reason(), 1L, Long::sum);
                    if (entry.offset() > start) {
                        if (page.size() < Math.max(0, limit)) {
                            page.add(reader.summarize(entry.message()));
                            next[0] = entry.offset();
                        } else {
                            more[0] = true;
                        }
                    }
                }
                return true;
            });
            return new DeadLetterListing(total[0], matched[0], sortedByCount(counts), page,
                    more[0] ? Long.toString(next[0]) : null);
        }
    }

    /** An open dead letter in full. */
    public Optional<DeadLetterDetail> show(String id) {
        try (Operation operation = open()) {
            Set<Long> decided = operation.log.decidedOffsets();
            List<Message> found = new ArrayList<>();
            operation.log.readLetters(entry -> {
                if (!decided.contains(entry.offset()) && DeadLetterIds.of(entry.message()).equals(id)) {
                    found.add(entry.message());
                    return false;
                }
                return true;
            });
            return found.stream().findFirst().map(reader::detail);
        }
    }

    /**
     * @param perSecond at most this many replays a second; 0 for as fast as the broker confirms
     * @param actor     who asked, recorded on the job, in the decision and in the log
     */
    public BatchReport replay(Selection selection, boolean dryRun, double perSecond, String actor, Progress progress) {
        Pacer pacer = Pacer.perSecond(perSecond);
        return act("replay", selection, dryRun, progress, (operation, dead) -> {
            Optional<Stage> stage = reader.stageOf(dead.message());
            if (stage.isEmpty()) {
                return "the stage that failed is unknown; left open";
            }
            pacer.awaitTurn();
            operation.log.publishConfirmed(topology.workExchange(), stage.get().inputKey(), ReplayMessages.replayOf(
                    dead.message(), dead.deadLetter(), reader.history(dead.message()), actor, clock.instant()));
            recordDecision(operation, dead, DeadLetterLog.Decision.REPLAYED, actor, null,
                    "replayed it, but could not record that (it stays open and would be replayed again, harmlessly)");
            log.info("dead letter {} (job {}) replayed to {} by {}", dead.deadLetter().id(), dead.deadLetter().jobId(),
                    stage.get().label(), actor);
            return null;
        });
    }

    /** @param why required: the log says why, who and when */
    public BatchReport discard(Selection selection, boolean dryRun, String why, String actor, Progress progress) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("a discard needs a reason");
        }
        return act("discard", selection, dryRun, progress, (operation, dead) -> {
            recordDecision(operation, dead, DeadLetterLog.Decision.DISCARDED, actor, why.strip(), "could not record it");
            log.warn("dead letter {} (job {}) discarded by {} at {} because: {}", dead.deadLetter().id(),
                    dead.deadLetter().jobId(), actor, clock.instant(), why.strip());
            return null;
        });
    }

    /** One dead letter with its body, read back for an action. */
    private record Held(long offset, Message message, DeadLetter deadLetter) {
    }

    /** Does one action on one dead letter: null when done, else why it was skipped. */
    private interface Action {
        String on(Operation operation, Held dead) throws InterruptedException;
    }

    private record Picked(long offset, DeadLetter deadLetter) {
    }

    /**
     * Picks the open dead letters the selection names (summaries only), then reads them back a batch at a time
     * and acts on each. Before each batch it reads the decisions again: a letter another admin replayed or
     * discarded meanwhile is skipped, and says so.
     */
    private BatchReport act(String name, Selection selection, boolean dryRun, Progress progress, Action action) {
        Instant now = clock.instant();
        try (Operation operation = open()) {
            Set<Long> decided = operation.log.decidedOffsets();
            List<Picked> picked = new ArrayList<>();
            int[] examined = {0};
            long end = operation.log.readLetters(entry -> {
                if (!decided.contains(entry.offset())) {
                    examined[0]++;
                    if (selection.matches(reader.brief(entry.message()), now)) {
                        picked.add(new Picked(entry.offset(), reader.summarize(entry.message())));
                    }
                }
                return true;
            });
            List<DeadLetter> deadLetters = picked.stream().map(Picked::deadLetter).toList();
            if (dryRun) {
                return new BatchReport(name, true, examined[0], picked.size(), 0, deadLetters, List.of(), null);
            }
            List<BatchReport.Skipped> skipped = new ArrayList<>();
            int done = 0;
            String stopped = null;
            batches:
            for (int from = 0; from < picked.size(); from += BATCH) {
                List<Held> batch = readBack(operation.log, picked.subList(from, Math.min(picked.size(), from + BATCH)), end);
                Set<Long> decidedNow = operation.log.decidedOffsets();
                for (Held dead : batch) {
                    if (decidedNow.contains(dead.offset())) {
                        skipped.add(new BatchReport.Skipped(dead.deadLetter().id(),
                                "another admin replayed or discarded it meanwhile"));
                        continue;
                    }
                    try {
                        String why = action.on(operation, dead);
                        if (why != null) {
                            skipped.add(new BatchReport.Skipped(dead.deadLetter().id(), why));
                            continue;
                        }
                    } catch (PublishFailedException e) {
                        stopped = "the broker did not take the " + name + " of " + dead.deadLetter().id() + ": "
                                + e.getMessage();
                        break batches;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stopped = "interrupted";
                        break batches;
                    }
                    done++;
                    progress.advanced(done, picked.size());
                }
            }
            if (stopped != null) {
                log.warn("{} stopped after {} of {}: {}", name, done, picked.size(), stopped);
            }
            return new BatchReport(name, false, examined[0], picked.size(), done, deadLetters, skipped, stopped);
        }
    }

    private static List<Held> readBack(DeadLetterLog log, List<Picked> batch, long end) {
        Map<Long, DeadLetter> wanted = new HashMap<>();
        batch.forEach(p -> wanted.put(p.offset(), p.deadLetter()));
        List<Held> held = new ArrayList<>(batch.size());
        long last = batch.getLast().offset();
        log.readLetters(batch.getFirst().offset(), Math.min(end, last + 1), entry -> {
            DeadLetter deadLetter = wanted.get(entry.offset());
            if (deadLetter != null) {
                held.add(new Held(entry.offset(), entry.message(), deadLetter));
            }
            return entry.offset() < last;
        });
        return held;
    }

    private void recordDecision(Operation operation, Held dead, String action, String actor, String why,
            String failure) {
        try {
            operation.log.record(new DeadLetterLog.Decision(dead.offset(), dead.deadLetter().id(), dead.deadLetter().jobId(), action,
                    actor, clock.instant(), why));
        } catch (PublishFailedException e) {
            throw new PublishFailedException(failure + ": " + e.getMessage(), e);
        }
    }

    private Operation open() {
        return new Operation(connections.open("bookbot-dead-letters", ConfirmType.NONE), topology, confirmTimeout);
    }

    /** One operation's own connection, closed with it. */
    private static final class Operation implements AutoCloseable {
        private final CachingConnectionFactory factory;
        private final DeadLetterLog log;

        Operation(CachingConnectionFactory factory, Topology topology, Duration confirmTimeout) {
            this.factory = factory;
            try {
                this.log = new DeadLetterLog(factory, topology, confirmTimeout);
            } catch (RuntimeException e) {
                factory.destroy();
                throw e;
            }
        }

        @Override
        public void close() {
            factory.destroy();
        }
    }

    private static long cursor(String after) {
        try {
            return Long.parseLong(after.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + after + "\" is not a page cursor (use a listing's \"next\")");
        }
    }

    private static Map<String, Integer> sortedByCount(Map<String, Long> counts) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue().intValue()));
        return sorted;
    }
}
