package bookbot.gateway.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemberTextTest {

    @Test
    void controlCharactersGoLineBreaksAndTabsStay() {
        assertThat(MemberText.clean("a\u0000b\u0007c\u001b[31md\u007f\te\r\nf\rg")).isEqualTo("abc[31md\te\nf\ng");
    }

    @Test
    void bidirectionalOverridesGoButJoinersInEmojiStay() {
        assertThat(MemberText.clean("file\u202Etxt.exe")).isEqualTo("filetxt.exe");
        assertThat(MemberText.clean("\u2066x\u2069")).isEqualTo("x");
        assertThat(MemberText.clean("👩\u200D💻 책 <!channel> & more")).isEqualTo("👩\u200D💻 책 <!channel> & more");
    }

    @Test
    void nothingStaysNothing() {
        assertThat(MemberText.clean(null)).isNull();
    }
}
