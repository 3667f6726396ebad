package bookbot.gateway.member;

import java.util.Locale;

/** Slack's locale of a member ("ko-KR", "en-US", "fr-FR") as a language of bookbot's texts: Korean or English. */
public final class SlackLocales {

    private SlackLocales() {
    }

    /** {@code ko*} is Korean, {@code en*} English, anything else (or nothing) the {@code fallback}. */
    public static Locale toBundleLocale(String slackLocale, Locale fallback) {
        if (slackLocale == null) {
            return fallback;
        }
        String tag = slackLocale.strip().toLowerCase(Locale.ROOT);
        if (tag.startsWith("ko")) {
            return Locale.KOREAN;
        }
        if (tag.startsWith("en")) {
            return Locale.ENGLISH;
        }
        return fallback;
    }
}
