package bookbot.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The store's name comes off a title; the book's own words stay. */
class StoreTitlesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '^', textBlock = """
            부의 추월차선 (10주년 스페셜 에디션) - 예스24 ^ 부의 추월차선 (10주년 스페셜 에디션)
            Clean Code - YES24                        ^ Clean Code
            Clean Code | 로버트 C. 마틴 - 교보문고        ^ Clean Code | 로버트 C. 마틴
            Clean Code | 교보문고                       ^ Clean Code
            데미안 - 알라딘                             ^ 데미안
            데미안 | 알라딘                             ^ 데미안
            데미안: 네이버 도서                          ^ 데미안
            데미안 : 네이버 도서                         ^ 데미안
            Project Hail Mary                        ^ Project Hail Mary
            Minus - One                              ^ Minus - One
            알라딘                                    ^ 알라딘
            - 예스24                                  ^ - 예스24
            """)
    void storeSuffixesComeOff(String title, String clean) {
        assertThat(StoreTitles.clean(title)).isEqualTo(clean);
    }
}
