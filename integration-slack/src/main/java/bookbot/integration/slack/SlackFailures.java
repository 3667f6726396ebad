package bookbot.integration.slack;

import java.io.IOException;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;

import bookbot.core.failure.OutsideApi;

/**
 * Reads what the Slack SDK reports (an {@code ok: false} answer, an HTTP error, no answer) and lets
 * {@link OutsideApi#SLACK} say whether it is transient.
 */
public final class SlackFailures {

    private SlackFailures() {
    }

    /** Throws unless Slack answered ok. */
    public static <T extends SlackApiTextResponse> T requireOk(String method, T response) {
        if (response.isOk()) {
            return response;
        }
        String error = response.getError();
        throw OutsideApi.SLACK.failure("slack-" + error, "Slack " + method + " answered " + error, 200, error, null,
                null);
    }

    public static RuntimeException translate(String method, Exception error) {
        if (error instanceof SlackApiException api) {
            int status = api.getResponse().code();
            return OutsideApi.SLACK.failure("slack-http-" + status, "Slack " + method + " HTTP " + status, status, null,
                    api, api.getResponse().header("Retry-After"));
        }
        if (error instanceof IOException io) {
            return OutsideApi.SLACK.unreachable(io);
        }
        return error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
    }
}
