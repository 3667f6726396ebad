package bookbot.integration.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;

import bookbot.core.failure.PermanentFailure;
import bookbot.core.failure.TransientFailure;

/** Translates what the Slack SDK reports into this project's transient / permanent failures. */
public final class SlackFailures {

    private static final Set<String> TRANSIENT_ERRORS = Set.of(
            "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private SlackFailures() {
    }

    /** Throws unless Slack answered ok. */
    public static <T extends SlackApiTextResponse> T requireOk(String method, T response) {
        if (response.isOk()) {
            return response;
        }
        String error = response.getError();
        String message = "Slack " + method + " answered " + error;
        if (TRANSIENT_ERRORS.contains(error)) {
            throw new TransientFailure("slack-" + error, message, null);
        }
        throw new PermanentFailure("slack-" + error, message, null);
    }

    public static RuntimeException translate(String method, Exception error) {
        if (error instanceof SlackApiException api) {
            int status = api.getResponse().code();
            String message = "Slack " + method + " HTTP " + status;
            if (status == 429 || status >= 500) {
                return new TransientFailure("slack-http-" + status, message, api, retryAfter(api));
            }
            return new PermanentFailure("slack-http-" + status, message, api);
        }
        if (error instanceof IOException io) {
            return new TransientFailure("slack-io", "Slack " + method + " unreachable: " + io.getMessage(), io);
        }
        return error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
    }

    private static Duration retryAfter(SlackApiException api) {
        String header = api.getResponse().header("Retry-After");
        try {
            return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
