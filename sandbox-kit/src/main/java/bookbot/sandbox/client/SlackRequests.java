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
        return viewSubmission(userId, viewId, callbackId, privateMetadata, values, Map.of());
    }

    private SignedRequest viewSubmission(String userId, String viewId, String callbackId, String privateMetadata,
            FormValues values, Map<String, Object> moreState) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("book_link", Map.of("value", Map.of("type", "url_text_input", "value", values.bookUrl())));
        state.put("category", Map.of("value", values.category() == null
                ? Map.of("type", "static_select")
                : Map.of("type", "static_select", "selected_option", Map.of(
                        "text", Map.of("type", "plain_text", "text", values.category()), "value", values.category()))));
        state.put("reason", Map.of("value", textValue(values.reason())));
        state.put("title", Map.of("value", textValue(values.title())));
        state.putAll(moreState);

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

    /**
     * A submission of a form that asked for the channel (opened without one: a global shortcut, the Home button):
     * {@code channelId} is the conversation the member picked, null for none.
     */
    public SignedRequest viewSubmission(String userId, String viewId, String callbackId, String privateMetadata,
            FormValues values, String channelId) {
        Map<String, Object> picked = new LinkedHashMap<>();
        picked.put("type", "conversations_select");
        picked.put("selected_conversation", channelId);
        return viewSubmission(userId, viewId, callbackId, privateMetadata, values, Map.of("channel", Map.of("value", picked)));
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

    /**
     * The member picked the message shortcut {@code callbackId} ("Share this book") on a message in
     * {@code channelId}; {@code messageText} is the message's text as Slack sends it (links as {@code <url|label>}).
     */
    public SignedRequest messageShortcut(String userId, String channelId, String messageTs, String messageText,
            String callbackId, String triggerId) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("user", "U0ALICE");
        message.put("ts", messageTs);
        message.put("text", messageText);
        Map<String, Object> payload = interaction("message_action", userId, triggerId);
        payload.put("callback_id", callbackId);
        payload.put("channel", Map.of("id", channelId, "name", "books"));
        payload.put("message_ts", messageTs);
        payload.put("message", message);
        payload.put("response_url", "https://hooks.slack.com/app/" + TEAM_ID + "/1/xyz");
        return payload(payload);
    }

    /** The member picked the global shortcut {@code callbackId} (from the shortcut menu, so no channel). */
    public SignedRequest globalShortcut(String userId, String callbackId, String triggerId) {
        Map<String, Object> payload = interaction("shortcut", userId, triggerId);
        payload.put("callback_id", callbackId);
        return payload(payload);
    }

    /**
     * The member picked {@code option} in the overflow menu {@code actionId} of the app's message
     * {@code messageTs} in {@code channelId}; {@code metadata} is the message's metadata ({@code event_type},
     * {@code event_payload}) as Slack sends it back with the message, or null for a message without any.
     */
    public SignedRequest messageMenu(String userId, String channelId, String messageTs, String actionId,
            String option, Map<String, Object> metadata, String triggerId) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("user", "U0BOOKBOT");
        message.put("bot_id", "B0BOOKBOT");
        message.put("ts", messageTs);
        message.put("text", "a book was shared");
        if (metadata != null) {
            message.put("metadata", metadata);
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "overflow");
        action.put("action_id", actionId);
        action.put("block_id", "share");
        action.put("selected_option", Map.of("text", Map.of("type", "plain_text", "text", option), "value", option));
        action.put("action_ts", "1700000000.000002");
        Map<String, Object> payload = interaction("block_actions", userId, triggerId);
        payload.put("container", Map.of("type", "message", "message_ts", messageTs, "channel_id", channelId,
                "is_ephemeral", false));
        payload.put("channel", Map.of("id", channelId, "name", "books"));
        payload.put("message", message);
        payload.put("state", Map.of("values", Map.of()));
        payload.put("response_url", "https://hooks.slack.com/actions/" + TEAM_ID + "/1/xyz");
        payload.put("actions", List.of(action));
        return payload(payload);
    }

    /** The member pressed the button {@code actionId} on the app's Home tab (a view: no channel, no message). */
    public SignedRequest homeButton(String userId, String homeViewId, String actionId, String triggerId) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "button");
        action.put("action_id", actionId);
        action.put("block_id", "home");
        action.put("text", Map.of("type", "plain_text", "text", "Share a book"));
        action.put("action_ts", "1700000000.000003");
        Map<String, Object> payload = interaction("block_actions", userId, triggerId);
        payload.put("container", Map.of("type", "view", "view_id", homeViewId));
        payload.put("view", Map.of("id", homeViewId, "type", "home", "team_id", TEAM_ID,
                "state", Map.of("values", Map.of())));
        payload.put("actions", List.of(action));
        return payload(payload);
    }

    /** The member opened the app's {@code tab} ("home" or "messages"): an Events API request, JSON. */
    public SignedRequest appHomeOpened(String userId, String eventId, String tab) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "app_home_opened");
        event.put("user", userId);
        event.put("channel", "D0" + userId.substring(Math.min(2, userId.length())));
        event.put("tab", tab);
        event.put("event_ts", "1700000000.000004");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", "deprecated-verification-token");
        body.put("team_id", TEAM_ID);
        body.put("api_app_id", "A0BOOKBOT");
        body.put("event", event);
        body.put("type", "event_callback");
        body.put("event_id", eventId);
        body.put("event_time", clock.instant().getEpochSecond());
        return signJson(json.writeValueAsString(body));
    }

    /**
     * A share's channel message metadata as the writer posts it ({@code event_type} {@code bookbot_share}); a null
     * title is left out, as the writer leaves it out.
     */
    public static Map<String, Object> shareMetadata(String jobId, String userId, String url, String categoryGroup,
            String categoryName, String reason, String title) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("job_id", jobId);
        payload.put("user_id", userId);
        payload.put("team_id", TEAM_ID);
        payload.put("url", url);
        payload.put("category_group", categoryGroup);
        payload.put("category_name", categoryName);
        payload.put("reason", reason);
        if (title != null) {
            payload.put("title", title);
        }
        return Map.of("event_type", "bookbot_share", "event_payload", payload);
    }

    private Map<String, Object> interaction(String type, String userId, String triggerId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("token", "deprecated-verification-token");
        payload.put("action_ts", "1700000000.000001");
        payload.put("team", Map.of("id", TEAM_ID, "domain", "sandbox"));
        payload.put("user", Map.of("id", userId, "username", userId.toLowerCase(), "name", userId.toLowerCase(),
                "team_id", TEAM_ID));
        payload.put("api_app_id", "A0BOOKBOT");
        payload.put("is_enterprise_install", false);
        payload.put("trigger_id", triggerId);
        return payload;
    }

    /** An Events API request: the raw JSON body, signed like every other. */
    public SignedRequest signJson(String body) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return new SignedRequest(body, Map.of(
                "Content-Type", "application/json",
                SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp,
                SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signer.generate(timestamp, body)));
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
