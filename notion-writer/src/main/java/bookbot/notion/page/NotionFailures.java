package bookbot.notion.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonParseException;

import bookbot.core.failure.OutsideApi;
import notion.api.v1.exception.NotionAPIError;

/**
 * Reads what notion-sdk-jvm throws and lets {@link OutsideApi#NOTION} say whether it is transient. The SDK throws
 * {@link NotionAPIError} for any status but 200, Gson's exceptions for a non-JSON error body (an HTML 502) and a
 * NullPointerException for an empty one: all of those mean Notion's side had trouble.
 */
final class NotionFailures {

    private NotionFailures() {
    }

    static RuntimeException translate(String operation, Exception error) {
        return switch (error) {
            case NotionAPIError api -> fromApiError(operation, api);
            case JsonParseException bad -> OutsideApi.NOTION.badAnswer(
                    "Notion " + operation + " answered something that is not JSON", bad);
            case NullPointerException empty -> OutsideApi.NOTION.badAnswer(
                    "Notion " + operation + " answered an empty error", empty);
            case IOException io -> OutsideApi.NOTION.unreachable(io);
            case UncheckedIOException io -> OutsideApi.NOTION.unreachable(io);
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
        return OutsideApi.NOTION.failure(reason, message, status, code, api,
                retryAfterHeader(api.getHttpResponse().getHeaders()));
    }

    private static String retryAfterHeader(Map<String, List<String>> headers) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(header -> "retry-after".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty())
                .map(header -> header.getValue().getFirst()).findFirst().orElse(null);
    }
}
