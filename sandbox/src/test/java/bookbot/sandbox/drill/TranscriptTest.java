package bookbot.sandbox.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The drill prints commands the way docs/operating.md shows them, and cuts outputs as sed and head would. */
class TranscriptTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Transcript transcript = new Transcript(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void aCommandIsPrintedAfterABlankLineAndADollarThenItsOutput() {
        transcript.say("Notion now refuses the integration's token…");
        transcript.command("./bookbot-admin dlq list", "0 dead letters, 0 matching\n");
        transcript.note("the Notion token is fixed");
        transcript.command("curl -s \"http://127.0.0.1:8180/admin/dead-letters?limit=1\"", "{\"error\":\"…\"}");

        assertThat(printed()).isEqualTo("""
                Notion now refuses the integration's token…

                $ ./bookbot-admin dlq list
                0 dead letters, 0 matching

                (the Notion token is fixed)

                $ curl -s "http://127.0.0.1:8180/admin/dead-letters?limit=1"
                {"error":"…"}
                """);
    }

    @Test
    void firstLinesKeepsThatManyLinesEachEndedByALineBreak() {
        assertThat(Transcript.firstLines("a\nb\nc\n", 2)).isEqualTo("a\nb\n");
        assertThat(Transcript.firstLines("a\nb", 4)).isEqualTo("a\nb\n");
        assertThat(Transcript.firstLines("", 4)).isEmpty();
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
