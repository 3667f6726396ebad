package bookbot.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;

class PacerTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<Long> sleeps = new ArrayList<>();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    /** Waiting moves the test's clock on. */
    private final BlockingStrategy waiting = nanos -> {
        sleeps.add(nanos);
        now.addAndGet(nanos);
    };

    @Test
    void spacesTurnsEvenlyFromTheFirst() throws InterruptedException {
        Pacer pacer = new Pacer(4, clock, waiting);

        for (int turn = 0; turn < 5; turn++) {
            pacer.awaitTurn();
        }

        assertThat(sleeps).containsExactly(250_000_000L, 250_000_000L, 250_000_000L, 250_000_000L);
    }

    @Test
    void doesNotWaitForTimeAlreadySpentWorking() throws InterruptedException {
        Pacer pacer = new Pacer(2, clock, waiting);

        pacer.awaitTurn();
        now.addAndGet(400_000_000L);
        pacer.awaitTurn();

        assertThat(sleeps).containsExactly(100_000_000L);
    }

    @Test
    void aRateOfZeroNeverWaits() throws InterruptedException {
        Pacer pacer = new Pacer(0, clock, waiting);

        for (int turn = 0; turn < 100; turn++) {
            pacer.awaitTurn();
        }

        assertThat(sleeps).isEmpty();
    }
}
