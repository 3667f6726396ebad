package bookbot.notion.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import bookbot.core.job.BookJob;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.MessagePublisher;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;

/**
 * Publishes the month's digest job when the schedule fires, and at start-up when a scheduled time passed within
 * the catch-up window. Every writer replica does: the job's id is the month's, and the {@link DigestWriter}
 * posts it once however many copies arrive. A publish the broker refuses is tried again a minute later.
 */
class DigestSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);
    private static final Duration REPUBLISH_AFTER = Duration.ofMinutes(1);
    private static final int PUBLISH_ATTEMPTS = 30;

    private final DigestSettings settings;
    private final DigestCalendar calendar;
    private final MessagePublisher publisher;
    private final JobMessages messages;
    private final Topology topology;
    private final Clock clock;
    private ScheduledExecutorService timer;

    DigestSchedule(DigestSettings settings, MessagePublisher publisher, JobMessages messages, Topology topology,
            Clock clock) {
        this.settings = settings;
        this.calendar = new DigestCalendar(settings.schedule(), settings.zone());
        this.publisher = publisher;
        this.messages = messages;
        this.topology = topology;
        this.clock = clock;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("digest-schedule").factory());
        calendar.catchUp(clock.instant(), settings.catchUp()).ifPresent(month -> {
            log.info("digest of {}: its scheduled time passed within {} (catch-up)", month, settings.catchUp());
            timer.execute(() -> publish(month, 1));
        });
        scheduleNext();
    }

    private void scheduleNext() {
        Instant now = clock.instant();
        Instant next = calendar.next(now);
        log.info("next digest at {} ({})", next.atZone(settings.zone()), calendar.monthDueAt(next));
        timer.schedule(() -> {
            publish(calendar.monthDueAt(next), 1);
            scheduleNext();
        }, Math.max(0, Duration.between(now, next).toMillis()), TimeUnit.MILLISECONDS);
    }

    void publish(YearMonth month, int attempt) {
        BookJob job = BookJob.digest(month, settings.locale(), clock.instant());
        try {
            publisher.publish(topology.workExchange(), Stage.WRITE.inputKey(), messages.toMessage(job));
            log.info("digest of {} queued (job {})", month, job.jobId());
        } catch (RuntimeException e) {
            if (attempt >= PUBLISH_ATTEMPTS) {
                log.error("digest of {} not queued after {} attempts; post it with bookbot-admin digest --month {} "
                        + "--post: {}", month, attempt, month, e.toString());
                return;
            }
            log.warn("digest of {} not queued (attempt {}), again in {}: {}", month, attempt, REPUBLISH_AFTER,
                    e.toString());
            timer.schedule(() -> publish(month, attempt + 1), REPUBLISH_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
