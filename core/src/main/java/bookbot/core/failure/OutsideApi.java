package bookbot.core.failure;

import java.time.Clock;
import java.util.Set;

/**
 * The outside APIs bookbot calls, and the one table of which of their answers pass if tried again: a rate limit
 * (HTTP 429), the remote side's trouble (5xx), or an error code the API documents as temporary. Everything else
 * (a refused token, a bad request, a missing page) fails the same way each time. The SDK wrappers only read status,
 * code and {@code Retry-After} off what their SDK throws and ask here.
 */
public enum OutsideApi {

    SLACK("slack", "Slack",
            Set.of("ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout")),
    NOTION("notion", "Notion",
            Set.of("rate_limited", "conflict_error", "internal_server_error", "service_unavailable", "gateway_timeout")),
    OPENGRAPH("opengraph", "OpenGraph.io", Set.of());

    private final String reasonPrefix;
    private final String displayName;
    private final Set<String> transientCodes;

    OutsideApi(String reasonPrefix, String displayName, Set<String> transientCodes) {
        this.reasonPrefix = reasonPrefix;
        this.displayName = displayName;
        this.transientCodes = transientCodes;
    }

    /** Whether an answer with this HTTP status and error code ({@code null} when it gave none) may pass. */
    public boolean isTransient(int status, String code) {
        return status == 429 || status >= 500 || (code != null && transientCodes.contains(code));
    }

    /**
     * The failure for an answer that was not a success: transient (with the wait the API asked for) or permanent.
     *
     * @param reason     the short code dead letters and metrics show, e.g. {@code notion-unauthorized}
     * @param retryAfter the answer's {@code Retry-After} header, or {@code null}
     */
    public RuntimeException failure(String reason, String message, int status, String code, Throwable cause,
            String retryAfter) {
        if (isTransient(status, code)) {
            return new TransientFailure(reason, message, cause, RetryAfter.parse(retryAfter, Clock.systemUTC()));
        }
        return new PermanentFailure(reason, message, cause);
    }

    /** No answer at all (refused, reset, timed out): always worth another try. */
    public TransientFailure unreachable(Throwable cause) {
        return new TransientFailure(reasonPrefix + "-io", displayName + " unreachable: " + cause.getMessage(), cause);
    }

    /** An answer that cannot be read (not JSON, empty where a body was due): the remote side's trouble. */
    public TransientFailure badAnswer(String message, Throwable cause) {
        return new TransientFailure(reasonPrefix + "-bad-answer", message, cause);
    }

    public String displayName() {
        return displayName;
    }
}
