package bookbot.enrich;

import bookbot.core.job.BookMetadata;

/** What a book link says about the book: OpenGraph.io's answer, or the page itself when no app id is set. */
public interface LinkLookup {

    BookMetadata lookup(String bookUrl);
}
