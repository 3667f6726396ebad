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
 * @param lostCreateRate  (Notion) a page create is carried out but its answer is lost: the page exists and the
 *                        client gets a 504, as when Notion or a proxy times out after storing it
 * @param createLatencyMs (Notion) added to page creates only: slow creates, the window in which a second copy
 *                        of a job can start its own
 * @param queryLagMs      (Notion) a page shows in database queries only this long after it was created, like
 *                        Notion's search index
 * @param notInChannel    (Slack) the bot was never invited to the channel: it may post there
 *                        ({@code chat:write.public}) but {@code conversations.history} answers {@code not_in_channel}
 */
public record Knobs(
        long latencyMs,
        double serverErrorRate,
        double rateLimitRate,
        double timeoutRate,
        @DefaultValue("30000") long timeoutMs,
        @DefaultValue("1") int retryAfterSeconds,
        double requestsPerSecond,
        boolean failAuth,
        double lostCreateRate,
        long createLatencyMs,
        long queryLagMs,
        boolean notInChannel) {

    public static final Knobs NONE = new Knobs(0, 0, 0, 0, 30_000, 1, 0, false, 0, 0, 0, false);

    public Knobs {
        requireRate(serverErrorRate, "serverErrorRate");
        requireRate(rateLimitRate, "rateLimitRate");
        requireRate(timeoutRate, "timeoutRate");
        requireRate(lostCreateRate, "lostCreateRate");
        if (latencyMs < 0 || timeoutMs < 0 || retryAfterSeconds < 0 || requestsPerSecond < 0 || createLatencyMs < 0
                || queryLagMs < 0) {
            throw new IllegalArgumentException("latencyMs, timeoutMs, retryAfterSeconds, requestsPerSecond, "
                    + "createLatencyMs and queryLagMs must not be negative");
        }
    }

    private static void requireRate(double rate, String name) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
        }
    }
}
