package bookbot.integration.slack;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;

import bookbot.core.job.BookJob;
import bookbot.core.worker.DeadJobListener;

/**
 * Tells a member, in the channel where they shared it and visible only to them, that their book was not
 * saved and that admins can replay it. Best effort: a Slack failure here is logged, not retried. It runs
 * once the broker has confirmed the dead letter, so a member is never told of a dead letter that is not there.
 */
public class MemberNotifier implements DeadJobListener {

    private static final Logger log = LoggerFactory.getLogger(MemberNotifier.class);

    private final MethodsClient slack;
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public MemberNotifier(MethodsClient slack) {
        this.slack = slack;
        messages.setBasename("bookbot-slack-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @Override
    public void jobDied(BookJob job, String reason) {
        if (job.recommendation() == null) {
            return; // a digest: no member shared it; admins see it in the dead letters
        }
        String text = text(job, reason);
        try {
            ChatPostEphemeralResponse response = slack.chatPostEphemeral(r -> r
                    .channel(job.recommendation().channelId())
                    .user(job.recommendation().userId())
                    .text(text));
            if (!response.isOk()) {
                log.warn("job {}: could not tell {} the book was not saved: {}", job.jobId(),
                        job.recommendation().userId(), response.getError());
            }
        } catch (Exception e) {
            log.warn("job {}: could not tell {} the book was not saved: {}", job.jobId(),
                    job.recommendation().userId(), e.toString());
        }
    }

    String text(BookJob job, String reason) {
        return messages.getMessage("dead.member-notice",
                new Object[] {job.recommendation().bookUrl(), reason}, Locale.forLanguageTag(job.locale()));
    }
}
