package bookbot.notion.announce;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;

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
     * shortly before the page was created, by the page's URL, which only this job's message contains.
     */
    public Optional<Announcement.Posted> findAnnouncement(BookJob job, BookPage page) {
        return findMessage(job.recommendation().channelId(), page.createdAt().minus(HISTORY_SLACK),
                message -> message.getText() != null && message.getText().contains(page.url()), "job " + job.jobId());
    }

    /**
     * The newest message since {@code since} in the channel's history that {@code wanted} picks (messages come
     * with their metadata). A bot that was never invited cannot read the history (Slack answers
     * {@code not_in_channel}); then, as after a few pages of history, nothing is found.
     *
     * @param what whose message is looked for, for the log
     */
    public Optional<Announcement.Posted> findMessage(String channel, Instant since, Predicate<Message> wanted,
            String what) {
        return search(channel, since, wanted, what).found();
    }

    /** What a search of the channel's history saw: whether it could read it, and what it found. */
    public record Search(boolean readable, Optional<Announcement.Posted> found) {
    }

    /** Like {@link #findMessage}, saying also whether the history could be read at all. */
    public Search search(String channel, Instant since, Predicate<Message> wanted, String what) {
        String oldest = String.valueOf(since.getEpochSecond());
        String cursor = null;
        for (int pageNumber = 0; pageNumber < MAX_HISTORY_PAGES; pageNumber++) {
            String from = cursor;
            ConversationsHistoryResponse history;
            try {
                history = slack.conversationsHistory(r -> r.channel(channel).oldest(oldest).limit(HISTORY_PAGE_SIZE)
                        .includeAllMetadata(true).cursor(from));
            } catch (Exception e) {
                throw SlackFailures.translate("conversations.history", e);
            }
            if (!history.isOk() && UNREADABLE_HISTORY.contains(history.getError())) {
                log.warn("{}: cannot read {} to look for an earlier message ({})", what, channel, history.getError());
                return new Search(false, Optional.empty());
            }
            SlackFailures.requireOk("conversations.history", history);
            Optional<Announcement.Posted> found = history.getMessages().stream().filter(wanted)
                    .map(message -> new Announcement.Posted(channel, message.getTs()))
                    .findFirst();
            cursor = history.getResponseMetadata() == null ? null : history.getResponseMetadata().getNextCursor();
            if (found.isPresent() || cursor == null || cursor.isBlank()) {
                return new Search(true, found);
            }
        }
        log.warn("{}: stopped searching {} after {} pages of history", what, channel, MAX_HISTORY_PAGES);
        return new Search(true, Optional.empty());
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
