package bookbot.integration.notion;

import java.util.concurrent.Callable;

/**
 * Makes one Notion request for a reader such as {@link BookShelf}: the notion-writer within Notion's shared rate
 * limit, its failures classified as transient or permanent; {@code bookbot-admin} at once, its failures told to
 * the operator ({@link NotionDatabases#reportingCaller()}).
 */
@FunctionalInterface
public interface NotionCaller {

    /** @param operation what the request does, for errors: "database query" */
    <T> T call(String operation, Callable<T> request);
}
