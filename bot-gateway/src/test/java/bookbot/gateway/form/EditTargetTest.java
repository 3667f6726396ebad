package bookbot.gateway.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EditTargetTest {

    @Test
    void theFormCarriesTheSharedJobIdFirstThenTheChannel() {
        EditTarget target = new EditTarget("0b1c2d3e-job", "C0BOOKS");

        assertThat(target.privateMetadata()).isEqualTo("0b1c2d3e-job C0BOOKS");
        assertThat(EditTarget.parse(target.privateMetadata())).contains(target);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "job-only", "job C0BOOKS extra", "C0BOOKS"})
    void anythingTheGatewayDidNotWriteIsNoTarget(String privateMetadata) {
        assertThat(EditTarget.parse(privateMetadata)).isEqualTo(Optional.empty());
    }
}
