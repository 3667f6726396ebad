package bookbot.sandbox.faults;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How one fake misbehaves. Rates are fractions of requests (0.0 to 1.0), drawn independently per request.
 *
 * @param latencyMs       added to every request before it is answered
 * @param serverErrorRate answered with a 5xx
 * @param rateLimitRate   answered with 429 and a Retry-After header
 * @param timeoutRate     held for {@code timeoutMs} before a 504, long enough for a client's read time-out
 * @param retryAfterSeconds the Retry-After value sent with 429s
 * @param requestsPerSecond when above 0, a token bucket enforcing that average rate (bursts of the same size);
 *                          requests over it get 429, like Notion's ~3 requests/s per integration
 * @param failAuth        every request is refused as unauthorised, as with a revoked or wrong token
 */
public record Knobs(
        long latencyMs,
        double serverErrorRate,
        double rateLimitRate,
        double timeoutRate,
        @DefaultValue("30000") long timeoutMs,
        @DefaultValue("1") int retryAfterSeconds,
        double requestsPerSecond,
        boolean failAuth) {

    public static final Knobs NONE = new Knobs(0, 0, 0, 0, 30_000, 1, 0, false);

    public Knobs {
        requireRate(serverErrorRate, "serverErrorRate");
        requireRate(rateLimitRate, "rateLimitRate");
        requireRate(timeoutRate, "timeoutRate");
        if (latencyMs < 0 || timeoutMs < 0 || retryAfterSeconds < 0 || requestsPerSecond < 0) {
            throw new IllegalArgumentException("latencyMs, timeoutMs, retryAfterSeconds and requestsPerSecond must not be negative");
        }
    }

    private static void requireRate(double rate, String name) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
        }
    }
}
