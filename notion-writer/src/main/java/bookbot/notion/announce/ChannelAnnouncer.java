package bookbot.notion.announce;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;

import bookbot.core.job.BookJob;
import bookbot.core.slack.SlackFailures;
import bookbot.notion.page.BookPage;

/** Tells the channel where the book was shared that it is archived, with a link to its page. */
@Component
public class ChannelAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(ChannelAnnouncer.class);

    private final MethodsClient slack;
    private final MessageSource messages;

    public ChannelAnnouncer(MethodsClient slack, MessageSource messages) {
        this.slack = slack;
        this.messages = messages;
    }

    public void announce(BookJob job, BookPage page) {
        String text = text(job, page);
        ChatPostMessageResponse response;
        try {
            response = slack.chatPostMessage(r -> r.channel(job.recommendation().channelId()).text(text)
                    .unfurlLinks(false));
        } catch (Exception e) {
            throw SlackFailures.translate("chat.postMessage", e);
        }
        SlackFailures.requireOk("chat.postMessage", response);
        log.info("job {} announced in {} (ts {})", job.jobId(), response.getChannel(), response.getTs());
    }

    String text(BookJob job, BookPage page) {
        Object[] arguments = {
                SlackText.escape(job.recommenderDisplayName()),
                SlackText.escape(job.recommendation().category().name()),
                SlackText.escape(job.recommendation().category().group()),
                SlackText.escape(job.displayTitle()),
                SlackText.escape(job.recommendation().reason()),
                job.recommendation().bookUrl(),
                page.url()};
        return messages.getMessage("announce.shared", arguments, Locale.forLanguageTag(job.locale()));
    }
}
