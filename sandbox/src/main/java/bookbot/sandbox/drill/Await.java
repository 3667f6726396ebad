package bookbot.sandbox.drill;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a condition until it holds or time runs out: the drill waits on what it needs, never a fixed time. */
final class Await {

    private static final Duration POLL = Duration.ofMillis(250);

    private Await() {
    }

    /**
     * @param probe asked again and again until it answers something
     * @return what it answered, or empty if it still answered nothing after {@code timeout}
     */
    static <T> Optional<T> until(Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> answer = probe.get();
            if (answer.isPresent() || System.nanoTime() >= deadline) {
                return answer;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Like {@link #until}, but a probe that still answers nothing after {@code timeout} is a failed drill. */
    static <T> T required(String what, Duration timeout, Supplier<Optional<T>> probe) {
        return until(timeout, probe).orElseThrow(() -> new DrillFailure("waited " + timeout.toSeconds() + " s for " + what));
    }
}
