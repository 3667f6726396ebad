package bookbot.sandbox.faults;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param slackToken      the bot token the fake Slack accepts
 * @param opengraphAppId  the app id the fake OpenGraph.io accepts
 * @param notionToken     the integration token the fake Notion accepts
 * @param notionDatabaseId the id of the fake Notion's club database
 * @param notionParentPageId the id of the one page under which {@code POST /v1/databases} creates databases
 * @param unknownUrls     what the fake OpenGraph.io answers for a URL outside its corpus
 * @param knobs           initial fault knobs per fake (slack, opengraph, notion)
 */
@ConfigurationProperties("sandbox")
public record SandboxSettings(
        String slackToken,
        String opengraphAppId,
        String notionToken,
        String notionDatabaseId,
        String notionParentPageId,
        UnknownUrls unknownUrls,
        Map<String, Knobs> knobs) {

    public enum UnknownUrls { PLAUSIBLE, NOT_FOUND }

    public Knobs knobsFor(FakeApi api) {
        if (knobs == null) {
            return Knobs.NONE;
        }
        return knobs.getOrDefault(api.name().toLowerCase(Locale.ROOT), Knobs.NONE);
    }
}
