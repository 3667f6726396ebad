package bookbot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleanTextTest {

    @Test
    void controlCharactersGoLineBreaksAndTabsStay() {
        assertThat(CleanText.clean("a\u0000b\u0007c\u001b[31md\u007f\te\r\nf\rg")).isEqualTo("abc[31md\te\nf\ng");
    }

    @Test
    void bidirectionalOverridesGoButJoinersInEmojiStay() {
        assertThat(CleanText.clean("file\u202Etxt.exe")).isEqualTo("filetxt.exe");
        assertThat(CleanText.clean("\u2066x\u2069")).isEqualTo("x");
        assertThat(CleanText.clean("👩\u200D💻 책 <!channel> & more")).isEqualTo("👩\u200D💻 책 <!channel> & more");
    }

    @Test
    void nothingStaysNothing() {
        assertThat(CleanText.clean(null)).isNull();
    }
}
