package bookbot.gateway.slack;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Work a handler starts but Slack need not wait for (Bolt for Java has no lazy listeners: the handler's return is
 * the answer): an ephemeral notice, a Home job. Runs on virtual threads; a failure is logged, never thrown at Slack.
 */
@Component
class AfterAck implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AfterAck.class);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    void run(String what, Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("{} failed: {}", what, e.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("{} not started, the gateway is stopping: {}", what, e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
