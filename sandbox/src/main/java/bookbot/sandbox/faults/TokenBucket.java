package bookbot.sandbox.faults;

/** A token bucket: {@code rate} tokens a second, holding at most {@code rate} (rounded up, at least 1). */
final class TokenBucket {

    private final double rate;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    TokenBucket(double rate) {
        this.rate = rate;
        this.capacity = Math.max(1, Math.ceil(rate));
        this.tokens = capacity;
        this.lastNanos = System.nanoTime();
    }

    synchronized boolean tryTake() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * rate);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
