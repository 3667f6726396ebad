package bookbot.core.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;

/** A clock for rate-limit tests: it stands still until the test moves it on. */
public final class ManualTimeMeter implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    public void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    public void advanceNanos(long by) {
        nanos.addAndGet(by);
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }
}
