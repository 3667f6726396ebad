package bookbot.sandbox.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.slack.api.app_backend.SlackSignature;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds requests exactly as Slack sends them to an app: form-encoded slash commands, interactivity payloads
 * in a {@code payload} field, and the {@code v0} signature over timestamp and raw body (Slack's own SDK signs).
 */
public class SlackRequests {

    public static final String TEAM_ID = "T0SANDBOX";
    public static final String CHANNEL_ID = "C0BOOKS";

    private final SlackSignature.Generator signer;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public SlackRequests(String signingSecret, Clock clock) {
        this.signer = new SlackSignature.Generator(signingSecret);
        this.clock = clock;
    }

    public SignedRequest slashCommand(String command, String userId, String channelId, String triggerId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "deprecated-verification-token");
        fields.put("team_id", TEAM_ID);
        fields.put("team_domain", "sandbox");
        fields.put("channel_id", channelId);
        fields.put("channel_name", "books");
        fields.put("user_id", userId);
        fields.put("user_name", userId.toLowerCase());
        fields.put("command", command);
        fields.put("text", "");
        fields.put("api_app_id", "A0BOOKBOT");
        fields.put("response_url", "https://hooks.slack.com/commands/" + TEAM_ID + "/1/xyz");
        fields.put("trigger_id", triggerId);
        return sign(formEncode(fields));
    }

    /**
     * The member pressed submit in the modal the gateway opened: {@code viewId} is the id views.open gave it, the
     * same for every submission of that view (as Slack's is), new for every view opened.
     */
    public SignedRequest viewSubmission(String userId, String viewId, String callbackId, String privateMetadata,
            FormValues values) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("book_link", Map.of("value", Map.of("type", "url_text_input", "value", values.bookUrl())));
        state.put("category", Map.of("value", values.category() == null
                ? Map.of("type", "static_select")
                : Map.of("type", "static_select", "selected_option", Map.of(
                        "text", Map.of("type", "plain_text", "text", values.category()), "value", values.category()))));
        state.put("reason", Map.of("value", textValue(values.reason())));
        state.put("title", Map.of("value", textValue(values.title())));

        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", viewId);
        view.put("team_id", TEAM_ID);
        view.put("type", "modal");
        view.put("callback_id", callbackId);
        view.put("private_metadata", privateMetadata);
        view.put("state", Map.of("values", state));
        view.put("hash", "1700000000.abcdef");

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "view_submission");
        payload.put("team", Map.of("id", TEAM_ID, "domain", "sandbox"));
        payload.put("user", Map.of("id", userId, "username", userId.toLowerCase(), "team_id", TEAM_ID));
        payload.put("api_app_id", "A0BOOKBOT");
        payload.put("token", "deprecated-verification-token");
        // Slack gives every interaction its own trigger id, so no two real submissions have the same body.
        payload.put("trigger_id", "1337." + java.util.UUID.randomUUID() + ".view-submission");
        payload.put("view", view);
        payload.put("response_urls", List.of());
        return payload(payload);
    }

    /** The original bot's legacy dialog being submitted. */
    public SignedRequest dialogSubmission(String userId, String channelId, String callbackId, FormValues values) {
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("bookstore_url", values.bookUrl());
        submission.put("category", values.category());
        submission.put("recommend_reason", values.reason());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "dialog_submission");
        payload.put("token", "deprecated-verification-token");
        payload.put("action_ts", "1700000000.000001");
        payload.put("team", Map.of("id", TEAM_ID, "domain", "sandbox"));
        payload.put("user", Map.of("id", userId, "name", userId.toLowerCase()));
        payload.put("channel", Map.of("id", channelId, "name", "books"));
        payload.put("submission", submission);
        payload.put("callback_id", callbackId);
        payload.put("response_url", "https://hooks.slack.com/app/" + TEAM_ID + "/1/xyz");
        payload.put("state", "");
        return payload(payload);
    }

    public SignedRequest payload(Map<String, Object> payload) {
        return sign(formEncode(Map.of("payload", json.writeValueAsString(payload))));
    }

    public SignedRequest sign(String body) {
        return signAt(body, clock.instant().getEpochSecond());
    }

    public SignedRequest signAt(String body, long epochSeconds) {
        String timestamp = String.valueOf(epochSeconds);
        return new SignedRequest(body, Map.of(
                "Content-Type", "application/x-www-form-urlencoded",
                SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp,
                SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signer.generate(timestamp, body)));
    }

    private static Map<String, Object> textValue(String value) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("type", "plain_text_input");
        field.put("value", value);
        return field;
    }

    private static String formEncode(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
