package bookbot.gateway.member;

import java.util.Optional;

/** Asks Slack for a member's locale. */
@FunctionalInterface
public interface LocaleLookup {

    /**
     * @return the member's Slack locale ("ko-KR"), empty when Slack has none for them (no such member)
     * @throws RuntimeException when Slack could not be asked (unreachable, rate-limited, time-out)
     */
    Optional<String> slackLocaleOf(String userId);
}
