package bookbot.gateway.submission;

import java.time.Clock;
import java.util.Locale;

import bookbot.core.job.BookJob;

/** A member opened the app's Home tab: a HOME job, which the writer answers by publishing the member's Home. */
public class HomeOpenings {

    private final JobQueue queue;
    private final Clock clock;

    public HomeOpenings(JobQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * @param eventId Slack's id of the event, the same when Slack sends it again: the job id is made of it
     * @return whether the broker confirmed the job
     */
    public boolean opened(String eventId, String userId, Locale locale) {
        return queue.publish(BookJob.home("home-" + eventId, userId, locale.toLanguageTag(), clock.instant()));
    }
}
