package bookbot.core.deadletter;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Spaces actions evenly at a rate per second; a rate of 0 or less does not wait. */
final class Pacer {

    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final double perSecond;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long started;
    private long turns;

    Pacer(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    static Pacer perSecond(double perSecond) {
        return new Pacer(perSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    /** Returns when the next action may start: the first at once, the n-th n/rate seconds after the first. */
    void awaitTurn() throws InterruptedException {
        if (perSecond <= 0) {
            return;
        }
        if (turns == 0) {
            started = nanoTime.getAsLong();
        }
        long due = started + (long) (turns * 1_000_000_000L / perSecond);
        turns++;
        long wait = due - nanoTime.getAsLong();
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }
}
