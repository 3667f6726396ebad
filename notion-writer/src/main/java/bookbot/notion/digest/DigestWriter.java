package bookbot.notion.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.digest.DigestMessage;
import bookbot.core.digest.DigestText;
import bookbot.core.digest.MonthlyDigest;
import bookbot.core.failure.PermanentFailure;
import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookJob;
import bookbot.core.job.JobKind;
import bookbot.integration.notion.BookShelf;
import bookbot.notion.JobWriter;
import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.fence.JobFence;

/**
 * Posts a month's digest once, however many copies of its job arrive (every writer replica's schedule publishes
 * one, a restart another, an admin a third) and whichever writer dies on the way. A copy takes the job's lock
 * ({@link JobFence}), so copies run one at a time; it looks for the digest in the channel (its metadata names
 * the month) and stops if it is there. Otherwise it reads the month from Notion, waits for an earlier attempt's
 * post to land if one was in flight when its writer died ({@link DigestSettings#settle()}), looks once more,
 * and posts. A channel whose history the bot cannot read (never invited) is a dead letter: without the history
 * the writer could not tell a second copy from the first.
 */
public class DigestWriter implements JobWriter {

    private static final Logger log = LoggerFactory.getLogger(DigestWriter.class);

    /** Waits, as {@link Thread#sleep(Duration)}; a test's waits are instant. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final BookShelf shelf;
    private final ChannelAnnouncer channel;
    private final DigestPoster poster;
    private final JobFence fence;
    private final DigestSettings settings;
    private final String databaseUrl;
    private final DigestText text = new DigestText();
    private final Clock clock;
    private final Pause pause;

    DigestWriter(BookShelf shelf, ChannelAnnouncer channel, DigestPoster poster, JobFence fence,
            DigestSettings settings, String databaseUrl, Clock clock, Pause pause) {
        this.shelf = shelf;
        this.channel = channel;
        this.poster = poster;
        this.fence = fence;
        this.settings = settings;
        this.databaseUrl = databaseUrl;
        this.clock = clock;
        this.pause = pause;
    }

    @Override
    public JobKind kind() {
        return JobKind.DIGEST;
    }

    @Override
    public void write(BookJob job) {
        YearMonth month = monthOf(job);
        if (!settings.enabled()) {
            throw new PermanentFailure("digest-off", "no digest channel is set (BOOKBOT_DIGEST_CHANNEL): the digest of "
                    + month + " has nowhere to go; set it and replay this job", null);
        }
        if (clock.instant().isBefore(end(month))) {
            throw new PermanentFailure("digest-month-not-over", "the digest of " + month
                    + " would miss the books still to come: it is posted once the month is over", null);
        }
        if (!fence.tryLock(job.jobId())) {
            throw new TransientFailure("job-in-progress", "another copy of job " + job.jobId()
                    + " is being written (lock " + fence.lockName(job.jobId()) + " held): back after the retry delay",
                    null);
        }
        boolean written = false;
        try {
            postOnce(job, month);
            written = true;
        } finally {
            if (written) {
                fence.lingerThenRelease(job.jobId());
            } else {
                fence.release(job.jobId());
            }
        }
    }

    private void postOnce(BookJob job, YearMonth month) {
        if (alreadyPosted(month)) {
            log.info("digest of {} was already posted in {}", month, settings.channel());
            return;
        }
        MonthlyDigest digest = MonthlyDigest.of(month, settings.zone(), shelf.touchingMonth(month, settings.zone()));
        DigestMessage message = text.render(digest, Locale.forLanguageTag(job.locale()), databaseUrl);
        try {
            pause.pause(settings.settle());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("digest-interrupted", "stopped before posting the digest of " + month, e);
        }
        if (alreadyPosted(month)) {
            log.info("digest of {} landed in {} meanwhile (an earlier attempt's)", month, settings.channel());
            return;
        }
        log.info("digest of {}: posting in {}", month, settings.channel());
        poster.post(settings.channel(), month, message);
    }

    private boolean alreadyPosted(YearMonth month) {
        // The digest of a month is posted after it ended; a day earlier covers a zone changed since.
        Instant since = end(month).minus(Duration.ofDays(1));
        ChannelAnnouncer.Search search = channel.search(settings.channel(), since,
                message -> DigestPoster.isDigestOf(message, month), "digest of " + month);
        if (!search.readable()) {
            throw new PermanentFailure("digest-channel-unreadable", "bookbot cannot read the history of "
                    + settings.channel() + " to make sure the digest of " + month + " is posted once: invite the bot "
                    + "to the channel (/invite @bookbot), then replay this job", null);
        }
        return search.found().isPresent();
    }

    private Instant end(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(settings.zone()).toInstant();
    }

    private static YearMonth monthOf(BookJob job) {
        try {
            return YearMonth.parse(job.subject());
        } catch (DateTimeParseException e) {
            throw new PermanentFailure("bad-digest-month", "a digest job's subject must be a month (YYYY-MM), was "
                    + job.subject(), e);
        }
    }
}
