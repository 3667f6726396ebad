package bookbot.gateway.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackLocalesTest {

    @ParameterizedTest(name = "Slack''s {0} is {1}")
    @CsvSource(nullValues = "none", value = {
            "ko-KR, ko",
            "ko, ko",
            "KO-kr, ko",
            "en-US, en",
            "en-GB, en",
            "fr-FR, de",
            "ja-JP, de",
            "'', de",
            "none, de"})
    void koreanAndEnglishAreKnownAnythingElseIsTheDefault(String slackLocale, String expected) {
        assertThat(SlackLocales.toBundleLocale(slackLocale, Locale.GERMAN)).isEqualTo(Locale.forLanguageTag(expected));
    }
}
