package bookbot.notion.digest;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monthly digest.
 *
 * @param channel  where the digest is posted (a channel id); unset or blank: no digest
 * @param schedule when, as a Spring cron expression (second minute hour day month weekday), in {@code zone};
 *                 each time it fires, the month before is digested
 * @param zone     the club's time zone: when the schedule fires, and where a month begins and ends
 * @param locale   the digest's language ({@code en} or {@code ko}), the workspace's as the channel message's
 * @param catchUp  a writer that starts within this long after a scheduled time publishes that digest then, in
 *                 case no writer ran at the time (the digest is still posted once)
 * @param settle   how long to wait, having found no digest in the channel, before looking once more and
 *                 posting: longer than a {@code chat.postMessage} of an earlier attempt (a writer that died or
 *                 lost Slack's answer) may still take to land (Slack's read time-out, and some)
 */
@ConfigurationProperties("bookbot.digest")
public record DigestSettings(
        String channel,
        @DefaultValue("0 0 9 1 * *") String schedule,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("en") String locale,
        @DefaultValue("7d") Duration catchUp,
        @DefaultValue("15s") Duration settle) {

    public boolean enabled() {
        return channel != null && !channel.isBlank();
    }
}
