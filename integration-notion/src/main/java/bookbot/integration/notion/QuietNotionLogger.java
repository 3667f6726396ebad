package bookbot.integration.notion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import notion.api.v1.logging.NotionLogger;

/**
 * notion-sdk-jvm's default logger prints every request and response body (member text, tokens in errors) to
 * stdout. This one never enables debug, where the SDK logs bodies, and sends the rest to SLF4J.
 */
final class QuietNotionLogger implements NotionLogger {

    private static final Logger log = LoggerFactory.getLogger("notion-sdk");

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public void debug(String message) {
    }

    @Override
    public void debug(String message, Throwable error) {
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void info(String message, Throwable error) {
        log.info(message, error);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void warn(String message, Throwable error) {
        log.warn(message, error);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }

    @Override
    public void error(String message, Throwable error) {
        log.error(message, error);
    }
}
