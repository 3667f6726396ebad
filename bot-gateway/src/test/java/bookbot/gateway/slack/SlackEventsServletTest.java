package bookbot.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;

import bookbot.sandbox.client.SignedRequest;
import bookbot.sandbox.client.SlackRequests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The Slack door's HTTP mapping: what the servlet answers before Bolt (or instead of it) for each kind of
 * request, and that Bolt's own answer goes back as it is. It is a plain servlet beside Spring MVC's, which a
 * {@code @WebMvcTest} cannot reach (MockMvc drives the DispatcherServlet only), so it is tested on its own with
 * mock requests and a mock Bolt app. The whole gateway behind it is {@link SlackEventsIT}'s.
 */
class SlackEventsServletTest {

    private static final String SECRET = "servlet-test-secret";
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final int MAX_BODY_BYTES = 1024;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final App bolt = mock(App.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SlackEventsServlet servlet = new SlackEventsServlet(bolt,
            new SlackRequestParser(AppConfig.builder().signingSecret(SECRET).build()),
            new SlackRequestGuard(SECRET, clock), registry, MAX_BODY_BYTES);
    private final SlackRequests requests = new SlackRequests(SECRET, clock);

    @Test
    void aFreshSignedRequestReachesBoltAsSentAndBoltsAnswerGoesBack() throws Exception {
        when(bolt.run(any())).thenReturn(Response.builder().statusCode(200).contentType("application/json")
                .headers(Map.of("X-Slack-No-Retry", List.of("1"))).body("{\"response_action\":\"clear\"}").build());
        SignedRequest command = requests.slashCommand("/book", "U0MEMBER", "C0BOOKS", "trigger-1");

        MockHttpServletResponse answer = post(command);

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentType()).isEqualTo("application/json");
        assertThat(answer.getHeader("X-Slack-No-Retry")).isEqualTo("1");
        assertThat(answer.getContentAsString()).isEqualTo("{\"response_action\":\"clear\"}");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Request<?>> handed = ArgumentCaptor.forClass(Request.class);
        verify(bolt).run(handed.capture());
        assertThat(handed.getValue()).isInstanceOf(SlashCommandRequest.class);
        assertThat(handed.getValue().getRequestBodyAsString()).isEqualTo(command.body());
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        MockHttpServletResponse answer = post(requests.sign("payload=" + "x".repeat(MAX_BODY_BYTES)));

        assertRefused(answer, 413, "{\"error\":\"request body too large\"}", "too-large");
    }

    @Test
    void aRequestWithoutATimestampIs401() throws Exception {
        MockHttpServletResponse answer = post(new SignedRequest("command=%2Fbook", Map.of()));

        assertRefused(answer, 401, "{\"error\":\"request timestamp missing or more than 5 minutes away\"}", "not-fresh");
    }

    @ParameterizedTest(name = "signed {0} s from now")
    @ValueSource(longs = {-301, 301, 10L * 365 * 24 * 3600})
    void aRequestSignedMoreThanFiveMinutesAgoOrAheadIs401(long offsetSeconds) throws Exception {
        MockHttpServletResponse answer = post(requests.signAt("command=%2Fbook", NOW.getEpochSecond() + offsetSeconds));

        assertRefused(answer, 401, "{\"error\":\"request timestamp missing or more than 5 minutes away\"}", "not-fresh");
    }

    @Test
    void aBadSignatureIs401() throws Exception {
        SignedRequest signed = requests.sign("command=%2Fbook");

        MockHttpServletResponse answer = post(new SignedRequest("command=%2Frm", signed.headers()));

        assertRefused(answer, 401, "{\"error\":\"invalid signature\"}", "bad-signature");
    }

    @Test
    void theSameSignedRequestAgainIs409() throws Exception {
        when(bolt.run(any())).thenReturn(Response.ok());
        SignedRequest command = requests.slashCommand("/book", "U0MEMBER", "C0BOOKS", "trigger-1");
        post(command);

        MockHttpServletResponse again = post(command);

        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).isEqualTo("{\"error\":\"request already received\"}");
        assertThat(refused("replayed")).isEqualTo(1);
        verify(bolt).run(any());
    }

    @Test
    void aSignedPayloadThatIsNotJsonIs400() throws Exception {
        MockHttpServletResponse answer = post(requests.sign("payload=%7Bnot-json"));

        assertRefused(answer, 400, "{\"error\":\"malformed payload\"}", "malformed");
    }

    @Test
    void aSignedRequestOfNoKindBoltKnowsIs400() throws Exception {
        MockHttpServletResponse answer = post(requests.sign("hello=world"));

        assertRefused(answer, 400, "{\"error\":\"unknown request type\"}", "unknown-type");
    }

    @Test
    void aFailureInsideBoltIsA500WithoutItsStackTrace() throws Exception {
        when(bolt.run(any())).thenThrow(new IllegalStateException("handler exploded"));

        MockHttpServletResponse answer = post(requests.slashCommand("/book", "U0MEMBER", "C0BOOKS", "trigger-1"));

        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getContentAsString()).isEqualTo("{\"error\":\"internal error\"}");
    }

    private void assertRefused(MockHttpServletResponse answer, int status, String json, String reason)
            throws Exception {
        assertThat(answer.getStatus()).isEqualTo(status);
        assertThat(answer.getContentType()).isEqualTo("application/json");
        assertThat(answer.getContentAsString()).isEqualTo(json);
        assertThat(refused(reason)).as("bookbot_slack_refused_total{reason=%s}", reason).isEqualTo(1);
        verifyNoInteractions(bolt);
    }

    private double refused(String reason) {
        return registry.counter("bookbot.slack.refused", "reason", reason).count();
    }

    private MockHttpServletResponse post(SignedRequest request) throws Exception {
        MockHttpServletRequest http = new MockHttpServletRequest("POST", "/slack/events");
        http.setContent(request.body().getBytes(StandardCharsets.UTF_8));
        request.headers().forEach(http::addHeader);
        MockHttpServletResponse response = new MockHttpServletResponse();
        servlet.service(http, response);
        return response;
    }
}
