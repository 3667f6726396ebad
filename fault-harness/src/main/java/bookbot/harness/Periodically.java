package bookbot.harness;

import java.time.Duration;

/** Runs one disruption every so often on a thread of its own, until closed; a zero interval never runs it. */
final class Periodically implements AutoCloseable {

    private final Duration every;
    private final Runnable action;
    private final Thread loop;
    private volatile boolean running = true;

    Periodically(String name, Duration every, Runnable action) {
        this.every = every;
        this.action = action;
        this.loop = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
    }

    void start() {
        if (!every.isZero()) {
            loop.start();
        }
    }

    boolean running() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                action.run();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
    }
}
