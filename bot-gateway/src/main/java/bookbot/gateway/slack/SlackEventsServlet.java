package bookbot.gateway.slack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonParseException;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands Slack's requests to Bolt with the body exactly as received (the signature covers the raw bytes,
 * so nothing may parse the form before Bolt does). Oversized and unparseable requests get a 4xx here,
 * never a 500 with a stack trace.
 */
class SlackEventsServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

    private final transient App app;
    private final transient SlackRequestParser parser;
    private final transient SlackRequestGuard guard;
    private final transient MeterRegistry registry;
    private final long maxBodyBytes;

    SlackEventsServlet(App app, SlackRequestParser parser, SlackRequestGuard guard, MeterRegistry registry,
            long maxBodyBytes) {
        this.app = app;
        this.parser = parser;
        this.guard = guard;
        this.registry = registry;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            refused("too-large");
            reply(response, 413, "{\"error\":\"request body too large\"}");
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        SlackRequestGuard.Verdict verdict = guard.check(request.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                request.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), text);
        if (verdict != SlackRequestGuard.Verdict.FIRST) {
            refuse(request, response, verdict);
            return;
        }
        Request<?> slackRequest;
        try {
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.getRequestURI())
                    .queryString(Map.of())
                    .headers(new RequestHeaders(headersOf(request)))
                    .requestBody(text)
                    .remoteAddress(request.getRemoteAddr())
                    .build());
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            log.warn("unparseable Slack request from {}: {}", request.getRemoteAddr(), e.getClass().getSimpleName());
            refused("malformed");
            reply(response, 400, "{\"error\":\"malformed payload\"}");
            return;
        }
        if (slackRequest == null) {
            refused("unknown-type");
            reply(response, 400, "{\"error\":\"unknown request type\"}");
            return;
        }
        Response answer;
        try {
            answer = app.run(slackRequest);
        } catch (Exception e) {
            log.error("Slack request failed", e);
            reply(response, 500, "{\"error\":\"internal error\"}");
            return;
        }
        write(answer, response);
    }

    /** {@code bookbot_slack_refused_total{reason}}: requests that never reached Bolt's handlers. */
    private void refused(String reason) {
        registry.counter("bookbot.slack.refused", "reason", reason).increment();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response,
            SlackRequestGuard.Verdict verdict) throws IOException {
        refused(verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        log.warn("Slack request from {} refused: {}", request.getRemoteAddr(), verdict);
        switch (verdict) {
            case NOT_FRESH -> reply(response, 401, "{\"error\":\"request timestamp missing or more than "
                    + SlackRequestGuard.WINDOW_MINUTES + " minutes away\"}");
            case BAD_SIGNATURE -> reply(response, 401, "{\"error\":\"invalid signature\"}");
            case REPLAYED -> reply(response, 409, "{\"error\":\"request already received\"}");
            case FIRST -> throw new IllegalArgumentException("not a refusal");
        }
    }

    private static Map<String, List<String>> headersOf(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static void write(Response answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.getStatusCode());
        if (answer.getHeaders() != null) {
            answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        }
        if (answer.getContentType() != null) {
            response.setContentType(answer.getContentType());
        }
        if (answer.getBody() != null) {
            response.getOutputStream().write(answer.getBody().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void reply(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
