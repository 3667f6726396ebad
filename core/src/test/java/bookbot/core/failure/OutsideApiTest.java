package bookbot.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutsideApiTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} answering {1} {2} is {3}")
    @CsvSource(nullValues = "-", textBlock = """
            SLACK,     429, -,                     transient
            SLACK,     500, -,                     transient
            SLACK,     503, -,                     transient
            SLACK,     200, ratelimited,           transient
            SLACK,     200, internal_error,        transient
            SLACK,     200, request_timeout,       transient
            SLACK,     200, not_in_channel,        permanent
            SLACK,     200, invalid_auth,          permanent
            SLACK,     404, -,                     permanent
            NOTION,    429, rate_limited,          transient
            NOTION,    409, conflict_error,        transient
            NOTION,    502, -,                     transient
            NOTION,    504, gateway_timeout,       transient
            NOTION,    401, unauthorized,          permanent
            NOTION,    400, validation_error,      permanent
            NOTION,    404, object_not_found,      permanent
            OPENGRAPH, 429, -,                     transient
            OPENGRAPH, 500, -,                     transient
            OPENGRAPH, 400, -,                     permanent
            OPENGRAPH, 401, -,                     permanent
            OPENGRAPH, 404, -,                     permanent
            """)
    void classifiesAnAnswer(OutsideApi api, int status, String code, String expected) {
        RuntimeException failure = api.failure("reason", "message", status, code, null, null);

        assertThat(failure).isInstanceOf(expected.equals("transient") ? TransientFailure.class : PermanentFailure.class);
        assertThat(api.isTransient(status, code)).isEqualTo(expected.equals("transient"));
    }

    @ParameterizedTest(name = "Retry-After \"{0}\" waits {1}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            30                            | PT30S
            ' 7 '                         | PT7S
            0                             | PT0S
            Mon, 30 Nov 2026 12:01:30 GMT | PT1M30S
            Mon, 30 Nov 2026 11:59:00 GMT | PT0S
            -5                            | -
            soon                          | -
            -                             | -
            """)
    void readsRetryAfterInBothForms(String header, Duration expected) {
        assertThat(RetryAfter.parse(header, NOON)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SLACK, slack-io", "NOTION, notion-io", "OPENGRAPH, opengraph-io"})
    void noAnswerIsTransientWithTheApisReason(OutsideApi api, String reason) {
        TransientFailure failure = api.unreachable(new IOException("connection reset"));

        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.getMessage()).isEqualTo(api.displayName() + " unreachable: connection reset");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SLACK", "NOTION", "OPENGRAPH"})
    void aTransientAnswerCarriesTheWaitItAskedFor(OutsideApi api) {
        RuntimeException failure = api.failure("reason", "message", 429, null, null, "12");

        assertThat(((TransientFailure) failure).retryAfter()).contains(Duration.ofSeconds(12));
    }
}
