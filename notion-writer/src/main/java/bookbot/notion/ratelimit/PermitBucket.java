package bookbot.notion.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket whose rate can change while it runs: {@code rate} permits a second, at most one second's
 * worth saved up. {@link #pauseFor(Duration)} holds every permit back, as after a 429 with Retry-After.
 */
final class PermitBucket {

    private final LongSupplier nanoTime;
    private double rate;
    private double permits;
    private long lastRefill;
    private long pausedUntil;

    PermitBucket(double rate, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.rate = rate;
        this.permits = Math.max(1, rate);
        this.lastRefill = nanoTime.getAsLong();
        this.pausedUntil = lastRefill;
    }

    synchronized void setRate(double newRate) {
        refill();
        rate = newRate;
        permits = Math.min(permits, Math.max(1, rate));
    }

    synchronized double rate() {
        return rate;
    }

    synchronized void pauseFor(Duration pause) {
        pausedUntil = Math.max(pausedUntil, nanoTime.getAsLong() + pause.toNanos());
        permits = 0;
    }

    /** Takes a permit if one is there; otherwise says how long until the next one, in nanoseconds. */
    synchronized long tryTake() {
        long now = nanoTime.getAsLong();
        if (now < pausedUntil) {
            return pausedUntil - now;
        }
        refill();
        if (permits >= 1) {
            permits -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - permits) / rate * 1e9);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        long from = Math.max(lastRefill, pausedUntil);
        if (now > from) {
            permits = Math.min(Math.max(1, rate), permits + (now - from) / 1e9 * rate);
        }
        lastRefill = now;
    }
}
