package bookbot.core.deadletter;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import bookbot.core.ratelimit.RateBuckets;

/**
 * Spaces actions evenly at a rate per second, the first at once; a rate of 0 or less does not wait. At most one
 * turn is saved up, so a replay that paused for slow work does not burst afterwards.
 */
final class Pacer {

    private final Bucket turns;
    private final BlockingStrategy waiting;

    Pacer(double perSecond, TimeMeter clock, BlockingStrategy waiting) {
        this.turns = perSecond > 0 ? RateBuckets.perSecond(perSecond, 1, clock) : null;
        this.waiting = waiting;
    }

    static Pacer perSecond(double perSecond) {
        return new Pacer(perSecond, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
    }

    /** Returns when the next action may start. */
    void awaitTurn() throws InterruptedException {
        if (turns != null) {
            turns.asBlocking().consume(1, waiting);
        }
    }
}
