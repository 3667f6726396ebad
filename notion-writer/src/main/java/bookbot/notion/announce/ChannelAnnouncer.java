package bookbot.notion.announce;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;

import bookbot.core.job.BookJob;
import bookbot.integration.slack.SlackFailures;
import bookbot.notion.page.Announcement;
import bookbot.notion.page.BookPage;

/** Tells the channel where the book was shared that it is archived, with a link to its page. */
@Component
public class ChannelAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(ChannelAnnouncer.class);

    /** Notion rounds created_time down to the minute; one more minute covers clock skew. */
    private static final Duration HISTORY_SLACK = Duration.ofMinutes(2);
    /** Slack's largest page: each page is a call that may fail, so as few as possible. */
    private static final int HISTORY_PAGE_SIZE = 999;
    private static final int MAX_HISTORY_PAGES = 5;

    /** The bot posts with chat:write.public, so it need not be a member of the channel it announces in. */
    private static final Set<String> UNREADABLE_HISTORY = Set.of("not_in_channel", "missing_scope");

    private final MethodsClient slack;
    private final MessageSource messages;

    public ChannelAnnouncer(MethodsClient slack, MessageSource messages) {
        this.slack = slack;
        this.messages = messages;
    }

    /** @return where the message is, for the page to remember */
    public Announcement.Posted announce(BookJob job, BookPage page) {
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
        return new Announcement.Posted(response.getChannel(), response.getTs());
    }

    /**
     * The channel message an earlier attempt may have posted for this page, when the page cannot say: only for a
     * page whose writer stopped between posting and writing it down. Searched in the channel's history since
     * shortly before the page was created, by the page's URL, which only this job's message contains. A bot that
     * was never invited cannot read the history (Slack answers {@code not_in_channel}); then, as after a few pages
     * of history, nothing is found and the caller posts.
     */
    public Optional<Announcement.Posted> findAnnouncement(BookJob job, BookPage page) {
        String oldest = String.valueOf(page.createdAt().minus(HISTORY_SLACK).getEpochSecond());
        String cursor = null;
        for (int pageNumber = 0; pageNumber < MAX_HISTORY_PAGES; pageNumber++) {
            String from = cursor;
            ConversationsHistoryResponse history;
            try {
                history = slack.conversationsHistory(r -> r.channel(job.recommendation().channelId())
                        .oldest(oldest).limit(HISTORY_PAGE_SIZE).cursor(from));
            } catch (Exception e) {
                throw SlackFailures.translate("conversations.history", e);
            }
            if (!history.isOk() && UNREADABLE_HISTORY.contains(history.getError())) {
                log.warn("job {}: cannot read {} to look for an earlier message ({}): posting", job.jobId(),
                        job.recommendation().channelId(), history.getError());
                return Optional.empty();
            }
            SlackFailures.requireOk("conversations.history", history);
            Optional<Announcement.Posted> found = history.getMessages().stream()
                    .filter(message -> message.getText() != null && message.getText().contains(page.url()))
                    .map(message -> new Announcement.Posted(job.recommendation().channelId(), message.getTs()))
                    .findFirst();
            cursor = history.getResponseMetadata() == null ? null : history.getResponseMetadata().getNextCursor();
            if (found.isPresent() || cursor == null || cursor.isBlank()) {
                return found;
            }
        }
        log.warn("job {}: stopped searching {} after {} pages of history", job.jobId(),
                job.recommendation().channelId(), MAX_HISTORY_PAGES);
        return Optional.empty();
    }

    String text(BookJob job, BookPage page) {
        Object[] arguments = {
                SlackText.escape(job.recommenderDisplayName()),
                SlackText.escape(job.recommendation().category().name()),
                SlackText.escape(job.recommendation().category().group()),
                SlackText.escape(job.displayTitle()),
                SlackText.escape(job.recommendation().reason()),
                SlackText.escape(job.recommendation().bookUrl()),
                page.url()};
        return messages.getMessage("announce.shared", arguments, Locale.forLanguageTag(job.locale()));
    }
}
