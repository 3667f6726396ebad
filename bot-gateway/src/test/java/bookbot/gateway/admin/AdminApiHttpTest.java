package bookbot.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import bookbot.core.deadletter.BatchReport;
import bookbot.core.deadletter.DeadLetter;
import bookbot.core.deadletter.DeadLetterDetail;
import bookbot.core.deadletter.DeadLetterFilter;
import bookbot.core.deadletter.DeadLetterListing;
import bookbot.core.deadletter.DeadLetters;
import bookbot.core.deadletter.DeadLettersUnavailableException;
import bookbot.core.deadletter.Selection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The admin API's HTTP mapping, without a server or a broker: the real token filter in front of the real
 * controller, with the dead-letter operations a mock. Which status, which JSON, which call for which request.
 * What the operations do to dead letters on a broker is {@link AdminApiIT}'s.
 */
@WebMvcTest(properties = "bookbot.admin.token=" + AdminApiHttpTest.TOKEN)
class AdminApiHttpTest {

    static final String TOKEN = "adm-3e8d1c6a0f5b-slice-token";
    private static final String FROM_MOCK_MVC = " (admin API from 127.0.0.1)";
    private static final DeadLetter REVOKED = new DeadLetter("0123456789ab", "job-1", "A Title",
            "https://www.yes24.com/Product/Goods/1", "U0MEMBER", "write", "notion-unauthorized",
            "Notion answered 401: API token is invalid", 1, Instant.parse("2026-11-22T10:15:30Z"),
            Instant.parse("2026-11-22T10:15:30Z"), 0);

    /**
     * The admin API's web layer only: not the gateway, whose configuration would bring the broker along. A plain
     * {@code @Configuration}: a {@code @SpringBootConfiguration} here would be found by the package's other tests.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdminSettings.class)
    @Import({DeadLetterController.class, AdminTokenFilterConfig.class})
    static class AdminWebLayer {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry registry;
    @MockitoBean
    DeadLetters deadLetters;

    // The token

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/admin", "/admin/dead-letters", "/admin/dead-letters/0123456789ab", "/admin/anything-else"})
    void withoutATokenEveryAdminPathIs401AndSaysHowToAuthenticate(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"bookbot-admin\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value(
                        "no bearer token: send Authorization: Bearer <BOOKBOT_ADMIN_TOKEN>"));
        verifyNoInteractions(deadLetters);
    }

    /** There is one kind of admin: a token that is not the admin's is no identity, so 401, never 403. */
    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"Bearer wrong-token", "Bearer " + TOKEN + "x", "Bearer " + TOKEN + " x"})
    void aWrongTokenIs401NotForbidden(String authorization) throws Exception {
        mvc.perform(get("/admin/dead-letters").header("Authorization", authorization))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value(startsWith("wrong token")))
                .andExpect(content().string(not(containsString(TOKEN))));
        mvc.perform(post("/admin/dead-letters/replay").header("Authorization", authorization)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"all\":true}"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(deadLetters);
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"Basic " + TOKEN, TOKEN, "Token " + TOKEN, "Bearer"})
    void aTokenNotPresentedAsBearerIs401(String authorization) throws Exception {
        mvc.perform(get("/admin/dead-letters").header("Authorization", authorization))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value(startsWith("no bearer token")));
        verifyNoInteractions(deadLetters);
    }

    @Test
    void everyRefusalIsCountedByWhyItWasRefused() throws Exception {
        double noToken = refused("no-token");
        double wrongToken = refused("wrong-token");

        mvc.perform(get("/admin/dead-letters"));
        mvc.perform(get("/admin/dead-letters").header("Authorization", "Bearer wrong-token"));
        mvc.perform(get("/admin/dead-letters").header("Authorization", "Bearer wrong-again"));

        assertThat(refused("no-token") - noToken).isEqualTo(1);
        assertThat(refused("wrong-token") - wrongToken).isEqualTo(2);
    }

    @Test
    void theSchemeIsCaseInsensitiveAndSpaceAroundTheTokenIsIgnored() throws Exception {
        when(deadLetters.list(any(), anyInt(), any())).thenReturn(listing());

        mvc.perform(get("/admin/dead-letters").header("Authorization", "bearer   " + TOKEN + " "))
                .andExpect(status().isOk());
    }

    @Test
    void withTheTokenAnAdminPathThatIsNotThereIs404() throws Exception {
        mvc.perform(authorized(get("/admin/anything-else"))).andExpect(status().isNotFound());
    }

    // Listing and showing

    @Test
    void listsTheFilterAndPageTheQueryAsksFor() throws Exception {
        DeadLetterFilter filter = new DeadLetterFilter("write", "401", Duration.ofHours(2), Duration.ofDays(7));
        when(deadLetters.list(filter, 5, "17")).thenReturn(listing());

        mvc.perform(authorized(get("/admin/dead-letters?stage=write&reason=401&olderThan=2h&newerThan=7d&limit=5&after=17")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.matching").value(1))
                .andExpect(jsonPath("$.countsByReason.notion-unauthorized").value(1))
                .andExpect(jsonPath("$.deadLetters[0].id").value(REVOKED.id()))
                .andExpect(jsonPath("$.deadLetters[0].jobId").value(REVOKED.jobId()))
                .andExpect(jsonPath("$.deadLetters[0].stage").value("write"))
                .andExpect(jsonPath("$.deadLetters[0].reason").value("notion-unauthorized"))
                .andExpect(jsonPath("$.deadLetters[0].link").value(REVOKED.link()))
                .andExpect(jsonPath("$.deadLetters[0].attempts").value(1))
                .andExpect(jsonPath("$.next").value("18"));
    }

    @Test
    void listsTheFirstHundredOfAllUnlessAsked() throws Exception {
        when(deadLetters.list(DeadLetterFilter.NONE, 100, null)).thenReturn(listing());

        mvc.perform(authorized(get("/admin/dead-letters"))).andExpect(status().isOk());

        verify(deadLetters).list(DeadLetterFilter.NONE, 100, null);
    }

    @Test
    void anAgeThatIsNotOneIs400AndSaysWhatAnAgeLooksLike() throws Exception {
        mvc.perform(authorized(get("/admin/dead-letters?olderThan=soon")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("olderThan takes an age like 30m, 2h or 7d, not soon"));
        verifyNoInteractions(deadLetters);
    }

    @Test
    void whatTheOperationsRefuseAsAnArgumentIs400WithTheirReason() throws Exception {
        when(deadLetters.list(any(), anyInt(), any()))
                .thenThrow(new IllegalArgumentException("\"page two\" is not a page cursor (use a listing's \"next\")"));

        mvc.perform(authorized(get("/admin/dead-letters?after=page two")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("\"page two\" is not a page cursor (use a listing's \"next\")"));
    }

    @Test
    void showsOneDeadLetterWhole() throws Exception {
        when(deadLetters.show(REVOKED.id())).thenReturn(Optional.of(new DeadLetterDetail(REVOKED, "enriched",
                Map.of("jobId", "job-1"), Map.of("x-bookbot-dead-reason", "notion-unauthorized"), List.of())));

        mvc.perform(authorized(get("/admin/dead-letters/" + REVOKED.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deadLetter.id").value(REVOKED.id()))
                .andExpect(jsonPath("$.routingKey").value("enriched"))
                .andExpect(jsonPath("$.payload.jobId").value("job-1"))
                .andExpect(jsonPath("$.headers.x-bookbot-dead-reason").value("notion-unauthorized"))
                .andExpect(jsonPath("$.history").isEmpty());
    }

    @Test
    void aDeadLetterThatIsNotOpenIs404() throws Exception {
        when(deadLetters.show("ffffffffffff")).thenReturn(Optional.empty());

        mvc.perform(authorized(get("/admin/dead-letters/ffffffffffff")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no dead letter ffffffffffff"));
    }

    // Replaying and discarding

    @Test
    void aDryRunIsPassedOnAndAnswersWithTheReport() throws Exception {
        Selection unauthorized = Selection.matching(new DeadLetterFilter(null, "401", null, null));
        when(deadLetters.replay(unauthorized, true, 0, "someone" + FROM_MOCK_MVC, DeadLetters.Progress.NONE))
                .thenReturn(new BatchReport("replay", true, 2, 1, 0, List.of(REVOKED), List.of(), null));

        mvc.perform(authorized(post("/admin/dead-letters/replay")).content("{\"reason\":\"401\",\"dryRun\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.action").value("replay"))
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.examined").value(2))
                .andExpect(jsonPath("$.matched").value(1))
                .andExpect(jsonPath("$.done").value(0))
                .andExpect(jsonPath("$.deadLetters[0].id").value(REVOKED.id()))
                .andExpect(jsonPath("$.skipped").isEmpty());
    }

    @Test
    void aReplayIsSignedByWhoAskedFromWhereAndPacedAsAsked() throws Exception {
        when(deadLetters.replay(any(), anyBoolean(), anyDouble(), any(), any())).thenReturn(report("replay", 1, 1));

        mvc.perform(authorized(post("/admin/dead-letters/replay"))
                        .content("{\"all\":true,\"by\":\"alice\",\"ratePerSecond\":10}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(1));

        verify(deadLetters).replay(Selection.all(), false, 10, "alice" + FROM_MOCK_MVC, DeadLetters.Progress.NONE);
    }

    @Test
    void replayingOneThatIsNotOpenIs404WithTheEmptyReport() throws Exception {
        when(deadLetters.replay(any(), anyBoolean(), anyDouble(), any(), any())).thenReturn(report("replay", 0, 0));

        mvc.perform(authorized(post("/admin/dead-letters/ffffffffffff/replay")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.matched").value(0));

        verify(deadLetters).replay(Selection.byIds(Set.of("ffffffffffff")), false, 0, "someone" + FROM_MOCK_MVC,
                DeadLetters.Progress.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"dryRun\":true}", "{\"all\":false}"})
    void aReplayThatDoesNotSayWhichIs400(String body) throws Exception {
        mvc.perform(authorized(post("/admin/dead-letters/replay")).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("say which dead letters")));
        verifyNoInteractions(deadLetters);
    }

    @Test
    void allWithAFilterIs400() throws Exception {
        mvc.perform(authorized(post("/admin/dead-letters/replay")).content("{\"all\":true,\"reason\":\"401\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("\"all\" takes no ids and no filter"));
        verifyNoInteractions(deadLetters);
    }

    @Test
    void aNegativeRateIs400() throws Exception {
        mvc.perform(authorized(post("/admin/dead-letters/replay")).content("{\"all\":true,\"ratePerSecond\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("ratePerSecond must not be negative"));
        verifyNoInteractions(deadLetters);
    }

    @Test
    void aBodyThatIsNotJsonIs400() throws Exception {
        mvc.perform(authorized(post("/admin/dead-letters/replay")).content("{\"all\":tru"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(startsWith("not a valid request body: ")))
                .andExpect(content().string(not(containsString("Exception"))));
        verifyNoInteractions(deadLetters);
    }

    @Test
    void aDiscardCarriesItsReasonAndWhoAsked() throws Exception {
        when(deadLetters.discard(any(), anyBoolean(), any(), any(), any())).thenReturn(report("discard", 1, 1));

        mvc.perform(authorized(post("/admin/dead-letters/" + REVOKED.id() + "/discard"))
                        .content("{\"because\":\"the member shared it again\",\"by\":\"alice\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.action").value("discard"))
                .andExpect(jsonPath("$.done").value(1));

        verify(deadLetters).discard(Selection.byIds(Set.of(REVOKED.id())), false, "the member shared it again",
                "alice" + FROM_MOCK_MVC, DeadLetters.Progress.NONE);
    }

    @Test
    void aDiscardWithoutAReasonIs400() throws Exception {
        when(deadLetters.discard(any(), anyBoolean(), isNull(), any(), any()))
                .thenThrow(new IllegalArgumentException("a discard needs a reason"));

        mvc.perform(authorized(post("/admin/dead-letters/" + REVOKED.id() + "/discard")).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("a discard needs a reason"));
    }

    // When the broker cannot be read

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /admin/dead-letters", "GET /admin/dead-letters/0123456789ab",
            "POST /admin/dead-letters/replay", "POST /admin/dead-letters/discard"})
    void whileTheDeadLettersCannotBeReadEveryOperationIs503(String request) throws Exception {
        DeadLettersUnavailableException unavailable = new DeadLettersUnavailableException(
                "the dead-letter log cannot be read: connection refused", null);
        when(deadLetters.list(any(), anyInt(), any())).thenThrow(unavailable);
        when(deadLetters.show(any())).thenThrow(unavailable);
        when(deadLetters.replay(any(), anyBoolean(), anyDouble(), any(), any())).thenThrow(unavailable);
        when(deadLetters.discard(any(), anyBoolean(), any(), any(), any())).thenThrow(unavailable);
        String[] methodAndPath = request.split(" ");
        MockHttpServletRequestBuilder builder = methodAndPath[0].equals("GET") ? get(methodAndPath[1])
                : post(methodAndPath[1]).content("{\"all\":true,\"because\":\"x\"}");

        mvc.perform(authorized(builder))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value("the dead-letter log cannot be read: connection refused"));
    }

    /** {@code bookbot_admin_refused_total{reason}}; the registry lives as long as the cached context. */
    private double refused(String reason) {
        return registry.counter("bookbot.admin.refused", "reason", reason).count();
    }

    private static MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + TOKEN).contentType(MediaType.APPLICATION_JSON);
    }

    private static DeadLetterListing listing() {
        return new DeadLetterListing(2, 1, Map.of("notion-unauthorized", 1), List.of(REVOKED), "18");
    }

    private static BatchReport report(String action, int matched, int done) {
        return new BatchReport(action, false, 2, matched, done, matched == 0 ? List.of() : List.of(REVOKED), List.of(),
                null);
    }
}
