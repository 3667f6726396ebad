package bookbot.sandbox.client;

import java.util.Map;

/** An HTTP request body with the headers Slack would send with it, signature included. */
public record SignedRequest(String body, Map<String, String> headers) {
}
