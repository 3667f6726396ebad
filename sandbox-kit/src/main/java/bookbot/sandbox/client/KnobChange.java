package bookbot.sandbox.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change to some of a fake's knobs, e.g. {@code KnobChange.of().rateLimitRate(1.0).retryAfterSeconds(5)}; the
 * knobs it does not name keep their value. Rates are shares of calls in [0, 1].
 */
public final class KnobChange {

    private final Map<String, Object> knobs;

    private KnobChange(Map<String, Object> knobs) {
        this.knobs = knobs;
    }

    public static KnobChange of() {
        return new KnobChange(Map.of());
    }

    /** Every call waits this long before it is answered. */
    public KnobChange latencyMs(long latencyMs) {
        return with("latencyMs", latencyMs);
    }

    /** Share of calls answered with a 5xx. */
    public KnobChange serverErrorRate(double rate) {
        return with("serverErrorRate", rate);
    }

    /** Share of calls answered 429, with {@link #retryAfterSeconds}. */
    public KnobChange rateLimitRate(double rate) {
        return with("rateLimitRate", rate);
    }

    /** Share of calls left unanswered for {@link #timeoutMs}. */
    public KnobChange timeoutRate(double rate) {
        return with("timeoutRate", rate);
    }

    public KnobChange timeoutMs(long timeoutMs) {
        return with("timeoutMs", timeoutMs);
    }

    public KnobChange retryAfterSeconds(int seconds) {
        return with("retryAfterSeconds", seconds);
    }

    /** A real limit: calls beyond it a second are answered 429; 0 for none. */
    public KnobChange requestsPerSecond(double perSecond) {
        return with("requestsPerSecond", perSecond);
    }

    /** Every call is refused as unauthorised (a revoked token). */
    public KnobChange failAuth(boolean on) {
        return with("failAuth", on);
    }

    /** Notion: share of page creates that are stored but whose answer never arrives. */
    public KnobChange lostCreateRate(double rate) {
        return with("lostCreateRate", rate);
    }

    /** Notion: how long a page create takes. */
    public KnobChange createLatencyMs(long latencyMs) {
        return with("createLatencyMs", latencyMs);
    }

    /** Notion: how long a new page stays invisible to database queries. */
    public KnobChange queryLagMs(long lagMs) {
        return with("queryLagMs", lagMs);
    }

    /** Slack: the bot was never invited to the channel. */
    public KnobChange notInChannel(boolean on) {
        return with("notInChannel", on);
    }

    Map<String, Object> asMap() {
        return knobs;
    }

    private KnobChange with(String knob, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(knobs);
        changed.put(knob, value);
        return new KnobChange(Collections.unmodifiableMap(changed));
    }
}
