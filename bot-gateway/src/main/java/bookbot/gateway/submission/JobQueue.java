package bookbot.gateway.submission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.job.BookJob;
import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.JobTrace;
import bookbot.core.messaging.PublishFailedException;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;

/**
 * Puts a job on its first stage's queue and says whether the broker confirmed it: every job the gateway makes goes
 * through here, so that each one gets a trace id and counts for {@link PublishingHealth}.
 */
public class JobQueue {

    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);

    private final ConfirmedPublisher publisher;
    private final JobMessages messages;
    private final Topology topology;
    private final PublishingHealth publishing;

    public JobQueue(ConfirmedPublisher publisher, JobMessages messages, Topology topology, PublishingHealth publishing) {
        this.publisher = publisher;
        this.messages = messages;
        this.topology = topology;
        this.publishing = publishing;
    }

    /** @return true once the broker confirmed it; false when it did not (it may have it all the same) */
    public boolean publish(BookJob job) {
        String traceId = JobTrace.newTraceId();
        try (JobTrace trace = JobTrace.begin(job.jobId(), traceId)) {
            try {
                publisher.publish(topology.workExchange(), Stage.firstFor(job.kind()).inputKey(),
                        messages.toMessage(job, traceId));
            } catch (PublishFailedException e) {
                publishing.failed(e.getMessage());
                log.error("{} job {} not confirmed: {}", job.kind(), job.jobId(), e.getMessage());
                return false;
            }
            publishing.succeeded();
            // Inside the trace, so that one grep of the trace id finds the job here too.
            log.info("{} job {} queued: {}", job.kind(), job.jobId(), what(job));
            return true;
        }
    }

    private static String what(BookJob job) {
        return switch (job.kind()) {
            case SHARE, EDIT -> job.recommendation().userId() + " recommended " + job.recommendation().bookUrl() + " in "
                    + job.recommendation().channelId() + (job.subject() == null ? "" : " (share " + job.subject() + ")");
            case WITHDRAW -> job.recommendation().userId() + " withdraws " + job.subject();
            case HOME -> job.subject() + " opened Home";
            case DIGEST -> "the digest of " + job.subject();
        };
    }
}
