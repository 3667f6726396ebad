package bookbot.notion;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param announceClaim how long the writer that created a page has to post its channel message and write it down
 *                      before another copy of the job may post instead. Longer than those calls take (Slack's
 *                      answer, then Notion's, each within its time-outs), or a slow writer and the next copy
 *                      could both post; short enough that a job whose writer died is announced soon after.
 * @param lockLinger    how long a job's lock ({@link bookbot.notion.fence.JobFence}) stays after its page was
 *                      written and announced. Longer than Notion's query takes to show a new page, so that a copy
 *                      of the job let in next finds the page instead of making a second one; a copy that comes
 *                      meanwhile waits one more retry delay.
 * @param channelLocale the club's language ({@code BOOKBOT_LOCALE}, as the gateway's default): of every channel
 *                      message, whatever the sharer's own language
 */
@ConfigurationProperties("bookbot.writer")
record WriterSettings(@DefaultValue("3m") Duration announceClaim, @DefaultValue("3s") Duration lockLinger,
        @DefaultValue("en") Locale channelLocale) {
}
