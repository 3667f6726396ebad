package bookbot.notion;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param announceClaim how long the writer that created a page has to post its channel message and write it down
 *                      before another copy of the job may post instead. Longer than those calls take (Slack's
 *                      answer, then Notion's, each within its time-outs), or a slow writer and the next copy
 *                      could both post; short enough that a job whose writer died is announced soon after.
 */
@ConfigurationProperties("bookbot.writer")
record WriterSettings(@DefaultValue("3m") Duration announceClaim) {
}
