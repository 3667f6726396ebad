package bookbot.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every link form of one book has the book's key; different books have different keys. */
class BookKeyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.yes24.com/Product/Goods/1234                               | yes24.com/1234
            https://m.yes24.com/Goods/Detail/1234?pid=x#r                          | yes24.com/1234
            http://yes24.com/product/goods/1234/                                   | yes24.com/1234
            https://www.yes24.com/Product/Goods/106369008?OzSrank=1                | yes24.com/106369008
            https://www.aladin.co.kr/shop/wproduct.aspx?ItemId=40869703            | aladin.co.kr/40869703
            https://m.aladin.co.kr/m/mproduct.aspx?start=we&ItemId=40869703#top    | aladin.co.kr/40869703
            https://www.aladin.co.kr/shop/wproduct.aspx?itemid=40869703&partner=x  | aladin.co.kr/40869703
            https://product.kyobobook.co.kr/detail/S000001032946                   | kyobobook.co.kr/S000001032946
            https://mobile.kyobobook.co.kr/detail/S000001032946?utm_source=slack   | kyobobook.co.kr/S000001032946
            https://ridibooks.com/books/1354000126                                 | ridibooks.com/books/1354000126
            https://ridibooks.com/books/1354000126/?from=slack#reviews             | ridibooks.com/books/1354000126
            https://WWW.Example.COM/Books/42                                       | example.com/Books/42
            https://m.example.com                                                  | example.com
            https://www.yes24.com/main/default.aspx                                | yes24.com/main/default.aspx
            https://ridibooks.com/v2/Detail?id=7&utm_source=slack#top               | ridibooks.com/v2/Detail?id=7
            https://shop.example.com/item?b=2&a=1&fbclid=x                          | shop.example.com/item?a=1&b=2
            not a link                                                             | not a link
            """)
    void aLinkIsKeyedByItsStoreAndProduct(String link, String key) {
        assertThat(BookKey.of(link)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://www.yes24.com/Product/Goods/1234                     | https://www.yes24.com/Product/Goods/12345
            https://www.aladin.co.kr/shop/wproduct.aspx?ItemId=1         | https://www.aladin.co.kr/shop/wproduct.aspx?ItemId=2
            https://ridibooks.com/books/1                                | https://ridibooks.com/books/2
            https://www.yes24.com/Product/Goods/1234                     | https://www.aladin.co.kr/shop/wproduct.aspx?ItemId=1234
            https://ridibooks.com/v2/Detail?id=1                         | https://ridibooks.com/v2/Detail?id=2
            https://www.aladin.co.kr/shop/wproduct.aspx?ISBN=8932917248  | https://www.aladin.co.kr/shop/wproduct.aspx?ISBN=8937460440
            http://www.kyobobook.co.kr/product/detailViewKor.laf?barcode=1 | http://www.kyobobook.co.kr/product/detailViewKor.laf?barcode=2
            """)
    void differentBooksHaveDifferentKeys(String one, String other) {
        assertThat(BookKey.of(one)).isNotEqualTo(BookKey.of(other));
    }
}
