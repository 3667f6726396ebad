package bookbot.gateway.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway learns each member's Slack language.
 *
 * @param timeout         connect and read time-out of one users.info call
 * @param firstLookupWait how long a request of a member not known yet waits for the look-up before it goes on in
 *                        the default language (the look-up goes on and serves the member's next request)
 * @param ttl             how long a member's language is used before it is looked up again (in the background:
 *                        the member keeps the known one meanwhile)
 * @param failureTtl      how long a look-up that failed (Slack unreachable, rate-limited) is not tried again
 * @param maxMembers      members remembered at most; past it the expired ones, then all, are forgotten
 */
@ConfigurationProperties("bookbot.gateway.member-locale")
public record MemberLocaleSettings(@DefaultValue("2s") Duration timeout, @DefaultValue("250ms") Duration firstLookupWait,
        @DefaultValue("6h") Duration ttl, @DefaultValue("1m") Duration failureTtl,
        @DefaultValue("10000") int maxMembers) {
}
