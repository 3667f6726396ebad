package bookbot.enrich.opengraph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import bookbot.core.job.BookMetadata;
import tools.jackson.databind.json.JsonMapper;

class OpenGraphPageTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheHybridGraphOfTheOriginalBotsYes24Book() {
        BookMetadata book = read("""
                {"hybridGraph":{"title":"부의 추월차선 (10주년 스페셜 에디션) - 예스24","type":"book",
                  "image":"https://image.yes24.com/goods/106369008/XL","url":"https://www.yes24.com/Product/Goods/106369008",
                  "site_name":"예스24","description":"d"},
                 "openGraph":{"title":"other","image":{"url":"https://other/img"}}}""");

        assertThat(book).isEqualTo(new BookMetadata("부의 추월차선 (10주년 스페셜 에디션) - 예스24", "d",
                "https://image.yes24.com/goods/106369008/XL", "예스24"));
    }

    @Test
    void trimsTheFragmentOfRidibooksCovers() {
        BookMetadata book = read("""
                {"hybridGraph":{"title":"부의 추월차선(10주년 기념 에디션)",
                  "image":"https://img.ridicdn.net/cover/1354000126/xxlarge#1","site_name":"리디"}}""");

        assertThat(book.imageUrl()).isEqualTo("https://img.ridicdn.net/cover/1354000126/xxlarge");
    }

    @Test
    void takesEachMissingFieldFromTheRawTagsThenFromWhatWasInferred() {
        BookMetadata book = read("""
                {"hybridGraph":{"title":"  ","url":"u"},
                 "openGraph":{"title":"Clean Code","image":{"url":"https://kyobo/cover.jpg"}},
                 "htmlInferred":{"title":"Inferred","description":"Inferred description","site_name":"교보문고"}}""");

        assertThat(book).isEqualTo(new BookMetadata("Clean Code", "Inferred description", "https://kyobo/cover.jpg",
                "교보문고"));
    }

    @Test
    void aPageWithoutOpenGraphTagsStillYieldsItsInferredTitleAndImage() {
        BookMetadata book = read("""
                {"hybridGraph":{"title":"데미안 - 알라딘"},
                 "openGraph":{"error":"No OpenGraph Tags Found"},
                 "htmlInferred":{"title":"x","images":["https://image.aladin.co.kr/cover.jpg"],"site_name":"알라딘"}}""");

        assertThat(book).isEqualTo(new BookMetadata("데미안 - 알라딘", null, "https://image.aladin.co.kr/cover.jpg", "알라딘"));
    }

    @Test
    void aPageCannotSmuggleControlCharactersOrANonWebCover() {
        BookMetadata book = read("""
                {"hybridGraph": {"title": "Dune\\u0000\\u001b[2J\\u202e", "description": "a\\u0007b",
                                 "image": "javascript:alert(1)", "site_name": "yes24\\r\\n"},
                 "htmlInferred": {"image_guess": "data:image/png;base64,AAAA"}}
                """);

        assertThat(book.title()).isEqualTo("Dune[2J");
        assertThat(book.description()).isEqualTo("ab");
        assertThat(book.imageUrl()).isNull();
        assertThat(book.siteName()).isEqualTo("yes24");
    }

    @Test
    void anAnswerWithNothingUsefulIsEmptyMetadata() {
        assertThat(read("{\"hybridGraph\":{},\"openGraph\":{\"error\":\"No OpenGraph Tags Found\"}}"))
                .isEqualTo(BookMetadata.NONE);
    }

    private BookMetadata read(String answer) {
        return OpenGraphPage.read(json.readTree(answer));
    }
}
