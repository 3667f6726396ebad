package bookbot.notion.announce;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;

import bookbot.core.job.BookJob;
import bookbot.integration.slack.SlackFailures;
import bookbot.notion.page.Announcement;
import bookbot.notion.page.BookPage;

/**
 * Tells the channel where the book was shared that it is archived, with a link to its page and the share's menu;
 * shows an edit or a withdrawal in place of that message.
 */
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
    private final Locale channelLocale;

    /**
     * @param channelLocale the club's language, of every channel message (the member's own language is for what only
     *                      they see)
     */
    public ChannelAnnouncer(MethodsClient slack, MessageSource messages, Locale channelLocale) {
        this.slack = slack;
        this.messages = messages;
        this.channelLocale = channelLocale;
    }

    /**
     * Posts the share's message: its text, its menu, the share in its metadata; with the other recommenders of the
     * book when the page has some.
     *
     * @return where the message is, for the page to remember
     */
    public Announcement.Posted announce(BookJob job, BookPage page) {
        String text = text(job, page);
        Locale locale = channelLocale;
        ChatPostMessageResponse response;
        try {
            response = slack.chatPostMessage(r -> r.channel(job.recommendation().channelId()).text(text)
                    .blocks(ShareMessage.blocks(text, true, messages, locale))
                    .metadata(ShareMessage.metadata(job, job.jobId()))
                    .unfurlLinks(false));
        } catch (Exception e) {
            throw SlackFailures.translate("chat.postMessage", e);
        }
        SlackFailures.requireOk("chat.postMessage", response);
        log.info("job {} announced in {} (ts {})", job.jobId(), response.getChannel(), response.getTs());
        return new Announcement.Posted(response.getChannel(), response.getTs());
    }

    /** Shows the share as an edit left it, menu and metadata included, in place of its message. */
    public void showEdited(BookJob edit, String shareJobId, BookPage page, Announcement.Posted where) {
        Locale locale = channelLocale;
        String text = text(edit, shareJobId, page) + "\n" + messages.getMessage("announce.edited", null, locale);
        update(where, text, ShareMessage.blocks(text, true, messages, locale),
                ShareMessage.metadata(edit, shareJobId));
    }

    /** Says in place of the share's message that it was withdrawn, without its menu. */
    public void showWithdrawn(BookJob withdraw, String shareJobId, String title, Announcement.Posted where) {
        Locale locale = channelLocale;
        String text = messages.getMessage("announce.withdrawn", new Object[] {
                sharer(withdraw), SlackText.escape(title)}, locale);
        update(where, text, ShareMessage.blocks(text, false, messages, locale),
                ShareMessage.metadata(withdraw, shareJobId));
    }

    /** A withdrawal skips the enrich stage, so it has the member's id, not their name: Slack shows the mention. */
    private static String sharer(BookJob withdraw) {
        return withdraw.recommenderName() != null ? SlackText.escape(withdraw.recommenderName())
                : "<@" + SlackText.escape(withdraw.recommendation().userId()) + ">";
    }

    private void update(Announcement.Posted where, String text, List<LayoutBlock> blocks, Message.Metadata metadata) {
        ChatUpdateResponse response;
        try {
            response = slack.chatUpdate(r -> r.channel(where.channel()).ts(where.ts()).text(text).blocks(blocks)
                    .metadata(metadata));
        } catch (Exception e) {
            throw SlackFailures.translate("chat.update", e);
        }
        SlackFailures.requireOk("chat.update", response);
        log.info("message {} {} updated", where.channel(), where.ts());
    }

    /**
     * The channel message an earlier attempt may have posted for this share, when the page cannot say: only for a
     * writer that stopped between posting and writing it down.
     */
    public Optional<Announcement.Posted> findAnnouncement(BookJob job, BookPage page) {
        return findMessage(job.recommendation().channelId(), job.jobId(), job.submittedAt(), page.url());
    }

    /**
     * A share's message, searched in the channel's history since shortly before {@code since} by the share's job id
     * in the message's metadata; a message of the previous release (no metadata) by the page's URL, which only that
     * job's message contained. A bot that was never invited cannot read the history (Slack answers
     * {@code not_in_channel}); then, as after a few pages of history, nothing is found.
     *
     * @param since   when the share was made; null searches from the newest message back
     * @param pageUrl the page a message of the previous release links; null to look for bookbot's metadata only
     */
    public Optional<Announcement.Posted> findMessage(String channel, String shareJobId, Instant since, String pageUrl) {
        return search(channel, since == null ? null : since.minus(HISTORY_SLACK),
                message -> isMessageOf(message, shareJobId, pageUrl), "share " + shareJobId).found();
    }

    /** What a search of the channel's history saw: whether it could read it, and what it found. */
    public record Search(boolean readable, Optional<Announcement.Posted> found) {
    }

    /**
     * The newest message since {@code since} in the channel's history that {@code wanted} picks (messages come
     * with their metadata), saying also whether the history could be read at all: a bot that was never invited
     * cannot (Slack answers {@code not_in_channel}). After a few pages of history, nothing is found.
     *
     * @param since null searches from the newest message back
     * @param what  whose message is looked for, for the log
     */
    public Search search(String channel, Instant since, Predicate<Message> wanted, String what) {
        String oldest = since == null ? null : String.valueOf(since.getEpochSecond());
        String cursor = null;
        for (int pageNumber = 0; pageNumber < MAX_HISTORY_PAGES; pageNumber++) {
            String from = cursor;
            ConversationsHistoryResponse history;
            try {
                history = slack.conversationsHistory(r -> r.channel(channel).oldest(oldest).limit(HISTORY_PAGE_SIZE)
                        .cursor(from).includeAllMetadata(true));
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

    private static boolean isMessageOf(Message message, String shareJobId, String pageUrl) {
        String jobId = ShareMessage.jobIdOf(message);
        if (jobId != null) {
            return jobId.equals(shareJobId);
        }
        return pageUrl != null && message.getText() != null && message.getText().contains(pageUrl);
    }

    String text(BookJob job, BookPage page) {
        return text(job, job.jobId(), page);
    }

    private String text(BookJob job, String shareJobId, BookPage page) {
        Locale locale = channelLocale;
        Object[] arguments = {
                SlackText.escape(job.recommenderDisplayName()),
                SlackText.escape(job.recommendation().category().name()),
                SlackText.escape(job.recommendation().category().group()),
                SlackText.escape(job.displayTitle()),
                SlackText.escape(job.recommendation().reason()),
                SlackText.escape(job.recommendation().bookUrl()),
                page.url()};
        String text = messages.getMessage("announce.shared", arguments, locale);
        List<String> others = page.shares().namesBesides(shareJobId);
        if (others.isEmpty()) {
            return text;
        }
        String names = String.join(", ", others.stream().map(SlackText::escape).toList());
        return text + "\n" + messages.getMessage("announce.also", new Object[] {names}, locale);
    }
}
