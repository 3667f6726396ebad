package bookbot.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void findsSlacksMarkedUpLinksAndBareOnesInOrder() {
        String text = "see https://example.com/a and <https://www.yes24.com/Product/Goods/1?a=1&amp;b=2|yes24> or "
                + "<http://aladin.co.kr/x> <mailto:a@b.c|mail> <@U0ALICE>";

        assertThat(MessageText.links(text)).containsExactly("https://example.com/a",
                "https://www.yes24.com/Product/Goods/1?a=1&b=2", "http://aladin.co.kr/x");
    }

    @Test
    void aTextWithoutLinksHasNone() {
        assertThat(MessageText.links("just words <@U0ALICE> <#C0BOOKS|books>")).isEmpty();
        assertThat(MessageText.links(null)).isEmpty();
    }

    @Test
    void readsAsTheMemberSawIt() {
        String text = "  <@U0ALICE|alice> liked <https://www.yes24.com/Product/Goods/1|this book> in <#C0BOOKS|books>"
                + " &amp; <!here> should &lt;3 it: <https://ridibooks.com/books/1>  ";

        assertThat(MessageText.plain(text)).isEqualTo(
                "@alice liked this book in #books & @here should <3 it: https://ridibooks.com/books/1");
    }
}
