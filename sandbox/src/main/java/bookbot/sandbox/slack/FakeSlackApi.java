package bookbot.sandbox.slack;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import bookbot.sandbox.faults.FakeApi;
import bookbot.sandbox.faults.Fault;
import bookbot.sandbox.faults.FaultInjector;
import bookbot.sandbox.faults.SandboxSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Slack Web API methods bookbot calls, with Slack's answers: HTTP 200 with {@code ok} true or false and an
 * {@code error} code, 429 with Retry-After when rate limited. Point SLACK_API_URL at {@code /slack/api/}.
 */
@RestController
@RequestMapping("/slack/api")
class FakeSlackApi {

    private final SlackWorkspace workspace;
    private final FaultInjector faults;
    private final SandboxSettings settings;
    private final JsonMapper json;

    FakeSlackApi(SlackWorkspace workspace, FaultInjector faults, SandboxSettings settings, JsonMapper json) {
        this.json = json;
        this.workspace = workspace;
        this.faults = faults;
        this.settings = settings;
    }

    @PostMapping("/{method}")
    ResponseEntity<Map<String, Object>> call(@PathVariable String method,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam MultiValueMap<String, String> form) {
        Fault fault = faults.apply(FakeApi.SLACK);
        if (fault != Fault.NONE) {
            return failure(fault);
        }
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()) : form.getFirst("token");
        if (token == null || token.isBlank()) {
            return error("not_authed");
        }
        if (!token.equals(settings.slackToken())) {
            return error("invalid_auth");
        }
        return switch (method) {
            case "auth.test" -> ok(Map.of("url", "https://sandbox.slack.com/", "team", "Sandbox", "user", "bookbot",
                    "team_id", "T0SANDBOX", "user_id", "U0BOOKBOT", "bot_id", "B0BOOKBOT"));
            case "views.open" -> viewsOpen(form);
            case "views.publish" -> viewsPublish(form);
            case "chat.postMessage" -> postMessage(form);
            case "chat.update" -> update(form);
            case "chat.delete" -> delete(form);
            case "chat.postEphemeral" -> postEphemeral(form);
            case "conversations.history" -> history(form);
            case "users.info" -> usersInfo(form.getFirst("user"), isTrue(form.getFirst("include_locale")));
            case "users.profile.get" -> usersProfile(form.getFirst("user"));
            default -> error("unknown_method");
        };
    }

    private ResponseEntity<Map<String, Object>> viewsOpen(MultiValueMap<String, String> form) {
        String triggerId = form.getFirst("trigger_id");
        String view = form.getFirst("view");
        if (triggerId == null || triggerId.isBlank()) {
            return error("invalid_trigger_id");
        }
        if (view == null) {
            return error("invalid_arguments");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = json.readValue(view, Map.class);
        SlackWorkspace.OpenedView opened = workspace.openView(triggerId, parsed);
        Map<String, Object> echoed = new LinkedHashMap<>(parsed);
        echoed.put("id", opened.viewId());
        return ok(Map.of("view", echoed));
    }

    private ResponseEntity<Map<String, Object>> postMessage(MultiValueMap<String, String> form) {
        String channel = form.getFirst("channel");
        if (channel == null || channel.isBlank()) {
            return error("channel_not_found");
        }
        String text = form.getFirst("text");
        Object blocks = parseBlocks(form.getFirst("blocks"));
        if ((text == null || text.isBlank()) && blocks == null) {
            return error("no_text");
        }
        SlackWorkspace.PostedMessage posted = workspace.post(channel, text, blocks, parseMetadata(form));
        return ok(Map.of("channel", channel, "ts", posted.ts(), "message", Map.of("text", text == null ? "" : text)));
    }

    private ResponseEntity<Map<String, Object>> postEphemeral(MultiValueMap<String, String> form) {
        String channel = form.getFirst("channel");
        String user = form.getFirst("user");
        if (channel == null || channel.isBlank()) {
            return error("channel_not_found");
        }
        if (user == null || workspace.member(user).isEmpty()) {
            return error("user_not_in_channel");
        }
        workspace.postEphemeral(channel, user, form.getFirst("text"));
        return ok(Map.of("message_ts", String.format("%d.000000", Instant.now().getEpochSecond())));
    }

    /** Newest first, {@code limit} per page, the cursor being the number of messages already returned. */
    private ResponseEntity<Map<String, Object>> history(MultiValueMap<String, String> form) {
        String channel = form.getFirst("channel");
        if (channel == null || channel.isBlank()) {
            return error("channel_not_found");
        }
        if (faults.get(FakeApi.SLACK).notInChannel()) {
            return error("not_in_channel");
        }
        double oldest = parseOr(form.getFirst("oldest"), 0);
        double latest = parseOr(form.getFirst("latest"), Double.MAX_VALUE);
        int limit = (int) Math.min(999, Math.max(1, parseOr(form.getFirst("limit"), 100)));
        int offset = (int) parseOr(form.getFirst("cursor"), 0);
        List<SlackWorkspace.PostedMessage> all = workspace.history(channel, oldest, latest);
        boolean withMetadata = isTrue(form.getFirst("include_all_metadata"));
        List<Map<String, Object>> page = all.stream().skip(offset).limit(limit)
                .map(m -> historyMessage(m, withMetadata))
                .toList();
        boolean more = offset + page.size() < all.size();
        return ok(Map.of("messages", page, "has_more", more,
                "response_metadata", Map.of("next_cursor", more ? String.valueOf(offset + page.size()) : "")));
    }

    /** A message as conversations.history lists it: its metadata only when asked for (include_all_metadata). */
    private static Map<String, Object> historyMessage(SlackWorkspace.PostedMessage message, boolean withMetadata) {
        Map<String, Object> listed = new LinkedHashMap<>();
        listed.put("type", "message");
        listed.put("ts", message.ts());
        listed.put("text", message.text() == null ? "" : message.text());
        listed.put("bot_id", "B0BOOKBOT");
        if (message.blocks() != null) {
            listed.put("blocks", message.blocks());
        }
        if (withMetadata && message.metadata() != null) {
            listed.put("metadata", message.metadata());
        }
        return listed;
    }

    private ResponseEntity<Map<String, Object>> delete(MultiValueMap<String, String> form) {
        String channel = form.getFirst("channel");
        String ts = form.getFirst("ts");
        return channel != null && ts != null && workspace.delete(channel, ts)
                ? ok(Map.of("channel", channel, "ts", ts)) : error("message_not_found");
    }

    /** chat.postMessage's and chat.update's {@code metadata}: JSON with event_type and event_payload. */
    private Object parseMetadata(MultiValueMap<String, String> form) {
        String metadata = form.getFirst("metadata");
        return metadata == null || metadata.isBlank() ? null : json.readValue(metadata, Object.class);
    }

    /** Replaces the member's Home tab; Slack answers with the view, given an id. */
    private ResponseEntity<Map<String, Object>> viewsPublish(MultiValueMap<String, String> form) {
        String userId = form.getFirst("user_id");
        String view = form.getFirst("view");
        if (userId == null || workspace.member(userId).isEmpty()) {
            return error("user_not_found");
        }
        if (view == null) {
            return error("invalid_arguments");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = json.readValue(view, Map.class);
        if (!"home".equals(parsed.get("type"))) {
            return error("invalid_arguments");
        }
        if (parsed.get("blocks") instanceof List<?> blocks && blocks.size() > 100) {
            return error("invalid_blocks");
        }
        workspace.publishHome(userId, parsed);
        Map<String, Object> echoed = new LinkedHashMap<>(parsed);
        echoed.put("id", "V0HOME" + userId);
        return ok(Map.of("view", echoed));
    }

    private static double parseOr(String value, double fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private ResponseEntity<Map<String, Object>> update(MultiValueMap<String, String> form) {
        return workspace.update(form.getFirst("channel"), form.getFirst("ts"), form.getFirst("text"),
                        parseBlocks(form.getFirst("blocks")), parseMetadata(form))
                .map(m -> ok(Map.of("channel", m.channel(), "ts", m.ts())))
                .orElseGet(() -> error("message_not_found"));
    }

    /** With {@code include_locale=true} the user carries the member's Slack locale (e.g. "ko-KR"), as Slack's does. */
    private ResponseEntity<Map<String, Object>> usersInfo(String userId, boolean includeLocale) {
        return workspace.member(userId)
                .map(m -> {
                    Map<String, Object> user = new LinkedHashMap<>(Map.of("id", m.id(), "name", m.name(),
                            "real_name", m.realName(), "profile", profile(m)));
                    if (includeLocale) {
                        user.put("locale", workspace.localeOf(m.id()));
                    }
                    return ok(Map.of("user", user));
                })
                .orElseGet(() -> error("user_not_found"));
    }

    /** Slack's boolean arguments: "true" or "1" (the Java SDK sends "1"). */
    private static boolean isTrue(String argument) {
        return "true".equals(argument) || "1".equals(argument);
    }

    private ResponseEntity<Map<String, Object>> usersProfile(String userId) {
        return workspace.member(userId)
                .map(m -> ok(Map.of("profile", profile(m))))
                .orElseGet(() -> error("user_not_found"));
    }

    private static Map<String, Object> profile(SlackWorkspace.Member member) {
        return Map.of("real_name", member.realName(), "display_name", member.displayName());
    }

    private Object parseBlocks(String blocks) {
        return blocks == null || blocks.isBlank() ? null : json.readValue(blocks, Object.class);
    }

    private static ResponseEntity<Map<String, Object>> ok(Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.putAll(fields);
        return ResponseEntity.ok(body);
    }

    private static ResponseEntity<Map<String, Object>> error(String code) {
        return ResponseEntity.ok(Map.of("ok", false, "error", code));
    }

    private ResponseEntity<Map<String, Object>> failure(Fault fault) {
        return switch (fault) {
            case RATE_LIMITED -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(faults.get(FakeApi.SLACK).retryAfterSeconds()))
                    .body(Map.of("ok", false, "error", "ratelimited"));
            case SERVER_ERROR -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("ok", false, "error", "service_unavailable"));
            case TIMEOUT -> ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
                    .body(Map.of("ok", false, "error", "request_timeout"));
            case UNAUTHORIZED -> error("invalid_auth");
            case NONE -> throw new IllegalStateException("not a failure");
        };
    }
}
