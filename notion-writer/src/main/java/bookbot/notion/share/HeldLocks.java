package bookbot.notion.share;

import java.util.ArrayList;
import java.util.List;

import bookbot.core.failure.TransientFailure;
import bookbot.notion.fence.JobFence;

/**
 * The {@link JobFence} locks one write holds: its job's, and the book's (so that two members sharing one book at
 * once, or a share and an edit of that book, write its page one after the other). Taken one by one, never waited
 * for: a lock held elsewhere lets go of the others and sends the job to its retry delay. After a write every lock
 * lingers until Notion's query shows what it wrote; after a failure they go at once, for the retry.
 */
final class HeldLocks {

    private final JobFence fence;
    private final List<String> held = new ArrayList<>();

    HeldLocks(JobFence fence) {
        this.fence = fence;
    }

    static String bookLock(String bookKey) {
        return "book:" + bookKey;
    }

    /** Takes the job's lock; the job comes back after the retry delay when another copy holds it. */
    void lockJob(String jobId) {
        take(jobId, "job-in-progress", "another copy of job " + jobId + " is being written");
    }

    /** Takes the book's lock; the job comes back after the retry delay when another job writes the book. */
    void lockBook(String bookKey) {
        if (bookKey != null) {
            take(bookLock(bookKey), "book-in-progress", "another job is writing the page of " + bookKey);
        }
    }

    void finish(boolean written) {
        for (String name : held) {
            if (written) {
                fence.lingerThenRelease(name);
            } else {
                fence.release(name);
            }
        }
        held.clear();
    }

    private void take(String name, String reason, String message) {
        if (held.contains(name)) {
            return;
        }
        boolean locked;
        try {
            locked = fence.tryLock(name);
        } catch (RuntimeException e) {
            finish(false);
            throw e;
        }
        if (!locked) {
            finish(false);
            throw new TransientFailure(reason, message + " (lock " + fence.lockName(name) + " held): back after the "
                    + "retry delay", null);
        }
        held.add(name);
    }
}
