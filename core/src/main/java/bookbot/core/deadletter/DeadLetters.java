package bookbot.core.deadletter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.deadletter.DeadLetterSnapshot.Held;
import bookbot.core.messaging.BrokerConnections;
import bookbot.core.messaging.PublishFailedException;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;

/**
 * What admins do with dead letters: list, show, replay, discard. The CLI and the gateway's admin API are two
 * front ends of this one class.
 *
 * <p>Every operation works on a snapshot (see {@link DeadLetterSnapshot}): it reads the whole queue, which makes
 * it linear in the number of dead letters, and holds them until it ends. A replay publishes each job back to the
 * stage that failed and waits for the broker's confirm before it removes the dead letter: killed at any moment,
 * every dead letter is either still dead or replayed (or, killed between the two, both: the job then runs twice,
 * and the writer's idempotence turns that into one page).
 */
public class DeadLetters {

    /** Told after each dead letter a replay or discard dealt with. */
    public interface Progress {
        Progress NONE = (done, of) -> {
        };

        void advanced(int done, int of);
    }

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

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
        Instant now = clock.instant();
        try (DeadLetterSnapshot snapshot = takeSnapshot()) {
            List<DeadLetter> matching = snapshot.held().stream().map(Held::deadLetter)
                    .filter(d -> filter.matches(d, now)).toList();
            return new DeadLetterListing(snapshot.held().size(), matching.size(), countsByReason(matching),
                    matching.stream().limit(Math.max(0, limit)).toList());
        }
    }

    public Optional<DeadLetterDetail> show(String id) {
        try (DeadLetterSnapshot snapshot = takeSnapshot()) {
            return snapshot.held().stream().filter(h -> h.deadLetter().id().equals(id)).findFirst()
                    .map(h -> reader.detail(h.message()));
        }
    }

    /**
     * @param perSecond at most this many replays a second; 0 for as fast as the broker confirms
     * @param actor     who asked, recorded on the job and in the log
     */
    public BatchReport replay(Selection selection, boolean dryRun, double perSecond, String actor, Progress progress) {
        Instant now = clock.instant();
        try (DeadLetterSnapshot snapshot = takeSnapshot()) {
            List<Held> picked = pick(snapshot, selection, now);
            List<DeadLetter> deadLetters = picked.stream().map(Held::deadLetter).toList();
            if (dryRun) {
                return new BatchReport("replay", true, snapshot.held().size(), picked.size(), 0, deadLetters, List.of(), null);
            }
            Pacer pacer = Pacer.perSecond(perSecond);
            List<BatchReport.Skipped> skipped = new ArrayList<>();
            int replayed = 0;
            String stopped = null;
            for (Held dead : picked) {
                Optional<Stage> stage = reader.stageOf(dead.message());
                if (stage.isEmpty()) {
                    skipped.add(new BatchReport.Skipped(dead.deadLetter().id(),
                            "the stage that failed is unknown; left in the queue"));
                    continue;
                }
                try {
                    pacer.awaitTurn();
                    snapshot.publishConfirmed(topology.workExchange(), stage.get().inputKey(), ReplayMessages.replayOf(
                            dead.message(), dead.deadLetter(), reader.history(dead.message()), actor, clock.instant()),
                            confirmTimeout);
                    snapshot.remove(dead);
                } catch (PublishFailedException e) {
                    stopped = "the broker did not take the replay of " + dead.deadLetter().id() + ": " + e.getMessage();
                    break;
                } catch (IOException e) {
                    stopped = "replayed " + dead.deadLetter().id() + " but could not remove it (it stays dead and"
                            + " would be replayed again, harmlessly): " + e.getMessage();
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = "interrupted";
                    break;
                }
                replayed++;
                log.info("dead letter {} (job {}) replayed to {} by {}", dead.deadLetter().id(),
                        dead.deadLetter().jobId(), stage.get().label(), actor);
                progress.advanced(replayed, picked.size());
            }
            if (stopped != null) {
                log.warn("replay by {} stopped after {} of {}: {}", actor, replayed, picked.size(), stopped);
            }
            return new BatchReport("replay", false, snapshot.held().size(), picked.size(), replayed, deadLetters,
                    skipped, stopped);
        }
    }

    /** @param why required: a discarded job is gone, and the log says why, who and when */
    public BatchReport discard(Selection selection, boolean dryRun, String why, String actor, Progress progress) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("a discard needs a reason");
        }
        Instant now = clock.instant();
        try (DeadLetterSnapshot snapshot = takeSnapshot()) {
            List<Held> picked = pick(snapshot, selection, now);
            List<DeadLetter> deadLetters = picked.stream().map(Held::deadLetter).toList();
            if (dryRun) {
                return new BatchReport("discard", true, snapshot.held().size(), picked.size(), 0, deadLetters, List.of(), null);
            }
            int discarded = 0;
            String stopped = null;
            for (Held dead : picked) {
                try {
                    snapshot.remove(dead);
                } catch (IOException e) {
                    stopped = "could not remove " + dead.deadLetter().id() + ": " + e.getMessage();
                    break;
                }
                discarded++;
                // The whole job goes to the log: the only trace left of it.
                log.warn("dead letter {} (job {}) discarded by {} at {} because: {}; it was: {}", dead.deadLetter().id(),
                        dead.deadLetter().jobId(), actor, clock.instant(), why.strip(),
                        new String(dead.message().getBody(), StandardCharsets.UTF_8));
                progress.advanced(discarded, picked.size());
            }
            return new BatchReport("discard", false, snapshot.held().size(), picked.size(), discarded, deadLetters,
                    List.of(), stopped);
        }
    }

    private DeadLetterSnapshot takeSnapshot() {
        return DeadLetterSnapshot.take(connections, topology.deadLetterQueue(), reader::summarize);
    }

    private static List<Held> pick(DeadLetterSnapshot snapshot, Selection selection, Instant now) {
        return snapshot.held().stream().filter(h -> selection.matches(h.deadLetter(), now)).toList();
    }

    private static Map<String, Integer> countsByReason(List<DeadLetter> deadLetters) {
        Map<String, Long> counts = deadLetters.stream()
                .collect(Collectors.groupingBy(DeadLetter::reason, Collectors.counting()));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue().intValue()));
        return sorted;
    }
}
