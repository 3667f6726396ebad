package bookbot.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import bookbot.core.testing.ManualTimeMeter;
import io.github.bucket4j.BlockingStrategy;

class PacerTest {

    private final ManualTimeMeter clock = new ManualTimeMeter();
    private final List<Long> sleeps = new ArrayList<>();
    /** Waiting moves the test's clock on. */
    private final BlockingStrategy waiting = nanos -> {
        sleeps.add(nanos);
        clock.advanceNanos(nanos);
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
        clock.advance(Duration.ofMillis(400));
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
