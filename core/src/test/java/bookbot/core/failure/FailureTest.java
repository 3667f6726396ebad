package bookbot.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class FailureTest {

    @Test
    void permanentFailuresAreNotRetried() {
        Failure failure = Failure.of(new PermanentFailure("notion-unauthorized", "401", null));

        assertThat(failure.transientFailure()).isFalse();
        assertThat(failure.reason()).isEqualTo("notion-unauthorized");
    }

    @Test
    void transientFailuresKeepTheirReasonAndRetryAfter() {
        TransientFailure error = new TransientFailure("notion-rate-limited", "429", null, Duration.ofSeconds(7));

        assertThat(Failure.of(error).transientFailure()).isTrue();
        assertThat(Failure.of(error).reason()).isEqualTo("notion-rate-limited");
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void ioErrorsAreTransient() {
        assertThat(Failure.of(new SocketTimeoutException("read timed out")).transientFailure()).isTrue();
        assertThat(Failure.of(new IOException("connection reset")).reason()).isEqualTo("io-error");
    }

    @Test
    void unexpectedErrorsAreRetriedAndNamedAfterTheirType() {
        Failure failure = Failure.of(new NullPointerException("boom"));

        assertThat(failure.transientFailure()).isTrue();
        assertThat(failure.reason()).isEqualTo("unexpected-NullPointerException");
        assertThat(failure.describe()).isEqualTo("java.lang.NullPointerException: boom");
    }
}
