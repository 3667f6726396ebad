package bookbot.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class PacerTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<Long> sleeps = new ArrayList<>();

    @Test
    void spacesTurnsEvenlyFromTheFirst() throws InterruptedException {
        Pacer pacer = new Pacer(4, now::get, nanos -> {
            sleeps.add(nanos);
            now.addAndGet(nanos);
        });

        for (int turn = 0; turn < 5; turn++) {
            pacer.awaitTurn();
        }

        assertThat(sleeps).containsExactly(250_000_000L, 250_000_000L, 250_000_000L, 250_000_000L);
    }

    @Test
    void doesNotWaitForTimeAlreadySpentWorking() throws InterruptedException {
        Pacer pacer = new Pacer(2, now::get, nanos -> {
            sleeps.add(nanos);
            now.addAndGet(nanos);
        });

        pacer.awaitTurn();
        now.addAndGet(400_000_000L);
        pacer.awaitTurn();

        assertThat(sleeps).containsExactly(100_000_000L);
    }

    @Test
    void aRateOfZeroNeverWaits() throws InterruptedException {
        Pacer pacer = new Pacer(0, now::get, sleeps::add);

        for (int turn = 0; turn < 100; turn++) {
            pacer.awaitTurn();
        }

        assertThat(sleeps).isEmpty();
    }
}
