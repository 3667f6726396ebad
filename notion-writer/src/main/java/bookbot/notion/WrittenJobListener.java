package bookbot.notion;

import bookbot.core.job.BookJob;

/** Told of each job the write stage wrote, after its writer finished (the Home tab's books follow shares so). */
@FunctionalInterface
public interface WrittenJobListener {

    void written(BookJob job);
}
