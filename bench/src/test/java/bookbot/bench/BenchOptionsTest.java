package bookbot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void renderDocsReadsTheFullRunsResults() {
        BenchOptions options = BenchOptions.parse(new String[] {"--render-docs"});

        assertThat(options.renderDocs()).isTrue();
        assertThat(options.out()).isEqualTo(Path.of("results"));
    }

    @Test
    void aQuickRunNeverRendersTheDocs() {
        assertThat(BenchOptions.parse(new String[] {"--quick"}).renderDocs()).isFalse();
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--quick", "--render-docs"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
