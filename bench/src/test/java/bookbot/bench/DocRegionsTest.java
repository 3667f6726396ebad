package bookbot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DocRegionsTest {

    private static final String PAGE = """
            Intro, kept.
            <!-- bench:table:start -->
            | old |
            <!-- bench:table:end -->
            Outro, kept.
            """;

    @Test
    void aRegionGetsTheNewContentBetweenBlankLinesAndTheRestOfThePageStays() {
        assertThat(DocRegions.replace(PAGE, Map.of("table", "| new |\n"))).isEqualTo("""
                Intro, kept.
                <!-- bench:table:start -->

                | new |

                <!-- bench:table:end -->
                Outro, kept.
                """);
    }

    @Test
    void replacingAgainWithTheSameContentChangesNothing() {
        String once = DocRegions.replace(PAGE, Map.of("table", "| new |"));

        assertThat(DocRegions.replace(once, Map.of("table", "| new |"))).isEqualTo(once);
    }

    @Test
    void aRegionThePageDoesNotMarkIsAnError() {
        assertThatThrownBy(() -> DocRegions.replace(PAGE, Map.of("table", "x", "figures", "y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("figures");
    }

    @Test
    void aMarkedRegionNothingIsRenderedForIsAnError() {
        assertThatThrownBy(() -> DocRegions.replace(PAGE, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table");
    }

    @Test
    void aRegionWithoutItsEndIsAnError() {
        assertThatThrownBy(() -> DocRegions.replace("<!-- bench:table:start -->\n| old |\n", Map.of("table", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bench:table:end");
    }
}
