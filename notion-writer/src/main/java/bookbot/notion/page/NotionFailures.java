package bookbot.notion.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonParseException;

import bookbot.core.failure.PermanentFailure;
import bookbot.core.failure.TransientFailure;
import notion.api.v1.exception.NotionAPIError;

/**
 * Turns what notion-sdk-jvm throws into transient or permanent failures. The SDK throws {@link NotionAPIError}
 * for any status but 200, Gson's exceptions for a non-JSON error body (an HTML 502) and a NullPointerException
 * for an empty one: all of those mean Notion's side had trouble.
 */
final class NotionFailures {

    private static final Set<String> TRANSIENT_CODES = Set.of(
            "rate_limited", "conflict_error", "internal_server_error", "service_unavailable", "gateway_timeout");

    private NotionFailures() {
    }

    static RuntimeException translate(String operation, Exception error) {
        return switch (error) {
            case NotionAPIError api -> fromApiError(operation, api);
            case JsonParseException bad -> new TransientFailure("notion-bad-answer",
                    "Notion " + operation + " answered something that is not JSON", bad);
            case NullPointerException empty -> new TransientFailure("notion-bad-answer",
                    "Notion " + operation + " answered an empty error", empty);
            case IOException io -> new TransientFailure("notion-io", "Notion unreachable: " + io.getMessage(), io);
            case UncheckedIOException io -> new TransientFailure("notion-io", "Notion unreachable: " + io.getMessage(), io);
            case RuntimeException other -> other;
            default -> new IllegalStateException(error);
        };
    }

    private static RuntimeException fromApiError(String operation, NotionAPIError api) {
        int status = api.getHttpResponse().getStatus();
        String code = api.getError() == null ? "" : api.getError().getCode();
        String message = "Notion " + operation + " HTTP " + status + " " + code
                + (api.getError() == null ? "" : ": " + api.getError().getMessage());
        String reason = "notion-" + (code.isBlank() ? "http-" + status : code.replace('_', '-'));
        if (status == 429 || status >= 500 || TRANSIENT_CODES.contains(code)) {
            return new TransientFailure(reason, message, api, retryAfter(api.getHttpResponse().getHeaders()));
        }
        return new PermanentFailure(reason, message, api);
    }

    private static Duration retryAfter(Map<String, List<String>> headers) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if ("retry-after".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
                try {
                    return Duration.ofSeconds(Long.parseLong(header.getValue().getFirst().trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
