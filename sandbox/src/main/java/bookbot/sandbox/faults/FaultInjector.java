package bookbot.sandbox.faults;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;

/**
 * Holds each fake's knobs and applies them to a request: waits the configured latency, then decides whether
 * the request fails. The fakes turn the decision into the error their real service would send.
 */
@Component
public class FaultInjector {

    private final Map<FakeApi, Knobs> knobs = new EnumMap<>(FakeApi.class);
    private final Map<FakeApi, Bucket> buckets = new EnumMap<>(FakeApi.class);
    private final Map<FakeApi, CallCounts> counts = new EnumMap<>(FakeApi.class);
    private final Map<FakeApi, AtomicInteger> failNext = new EnumMap<>(FakeApi.class);

    public FaultInjector(SandboxSettings settings) {
        for (FakeApi api : FakeApi.values()) {
            set(api, settings.knobsFor(api));
            counts.put(api, new CallCounts());
            failNext.put(api, new AtomicInteger());
        }
    }

    /** How many calls each fake received, and how many it failed on purpose, by kind. */
    public Map<FakeApi, Map<String, Long>> counts() {
        Map<FakeApi, Map<String, Long>> all = new EnumMap<>(FakeApi.class);
        counts.forEach((api, count) -> all.put(api, count.snapshot()));
        return all;
    }

    /** The next {@code calls} calls to the fake get a 5xx, whatever the rates say: for tests that must not depend on luck. */
    public void failNext(FakeApi api, int calls) {
        failNext.get(api).set(calls);
    }

    public void resetCounts() {
        counts.values().forEach(CallCounts::reset);
        failNext.values().forEach(remaining -> remaining.set(0));
    }

    public synchronized Knobs get(FakeApi api) {
        return knobs.get(api);
    }

    public synchronized void set(FakeApi api, Knobs value) {
        knobs.put(api, value);
        buckets.put(api, value.requestsPerSecond() > 0 ? limitOf(value.requestsPerSecond()) : null);
    }

    /** Like the real APIs' limits: {@code perSecond} requests a second, one second's worth saved up. */
    private static Bucket limitOf(double perSecond) {
        long burst = (long) Math.max(1, Math.ceil(perSecond));
        return Bucket.builder().addLimit(limit -> limit.capacity(burst)
                .refillGreedy(burst, Duration.ofNanos(Math.round(burst * 1e9 / perSecond)))).build();
    }

    public Fault apply(FakeApi api) {
        Fault fault = decide(api);
        counts.get(api).record(fault);
        return fault;
    }

    private Fault decide(FakeApi api) {
        Knobs current;
        Bucket bucket;
        synchronized (this) {
            current = knobs.get(api);
            bucket = buckets.get(api);
        }
        sleep(current.latencyMs());
        if (failNext.get(api).getAndUpdate(remaining -> Math.max(0, remaining - 1)) > 0) {
            return Fault.SERVER_ERROR;
        }
        if (current.failAuth()) {
            return Fault.UNAUTHORIZED;
        }
        if (bucket != null && !bucket.tryConsume(1)) {
            return Fault.RATE_LIMITED;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() < current.rateLimitRate()) {
            return Fault.RATE_LIMITED;
        }
        if (random.nextDouble() < current.serverErrorRate()) {
            return Fault.SERVER_ERROR;
        }
        if (random.nextDouble() < current.timeoutRate()) {
            sleep(current.timeoutMs());
            return Fault.TIMEOUT;
        }
        return Fault.NONE;
    }

    /** Whether this page create's answer is lost after the page was stored ({@link Knobs#lostCreateRate()}). */
    public boolean loseCreateAnswer(FakeApi api) {
        boolean lost = ThreadLocalRandom.current().nextDouble() < get(api).lostCreateRate();
        if (lost) {
            counts.get(api).recordLostAnswer();
        }
        return lost;
    }

    /** Waits {@link Knobs#createLatencyMs()}: a create that takes its time. */
    public void delayCreate(FakeApi api) {
        sleep(get(api).createLatencyMs());
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
