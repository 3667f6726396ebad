package bookbot.gateway.submission;

import java.time.Clock;
import java.util.Locale;

import bookbot.core.job.BookJob;
import bookbot.core.job.Recommendation;

/** A member takes back a book they shared: one WITHDRAW job per message, however often they pick "Withdraw". */
public class Withdrawals {

    private final JobQueue queue;
    private final Clock clock;

    public Withdrawals(JobQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** @return whether the broker confirmed the job */
    public boolean withdraw(SharedBook share, Locale locale) {
        Recommendation recommendation = new Recommendation(share.teamId(), share.channelId(), share.userId(),
                share.url(), share.category(), share.reason(), share.title());
        BookJob job = BookJob.withdraw(JobIds.withdrawal(share.teamId(), share.channelId(), share.messageTs()),
                share.jobId(), recommendation, locale.toLanguageTag(), clock.instant());
        return queue.publish(job);
    }
}
