package bookbot.sandbox.slack;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/** The fake workspace's state: its members, and every view opened and message posted, for tests to read back. */
@Component
public class SlackWorkspace {

    public record Member(String id, String name, String realName, String displayName) {
    }

    public record OpenedView(String viewId, String triggerId, Map<String, Object> view) {
    }

    /**
     * A channel message; {@code updates} counts chat.update calls on it; {@code metadata} is the message's
     * ({@code event_type}, {@code event_payload}), null without.
     */
    public record PostedMessage(String channel, String ts, String text, Object blocks, int updates, Object metadata) {

        public PostedMessage(String channel, String ts, String text, Object blocks, int updates) {
            this(channel, ts, text, blocks, updates, null);
        }
    }

    /** A message only {@code user} sees (chat.postEphemeral). */
    public record EphemeralMessage(String channel, String user, String text) {
    }

    private static final List<Member> MEMBERS = List.of(
            new Member("U0MEMBER", "kim.reader", "Kim Reader", "kim"),
            new Member("U0ALICE", "alice", "Alice Park", "alice"),
            new Member("U0BOB", "bob", "Bob Lee", ""),
            new Member("U0SEOYEON", "seoyeon", "이서연", "서연"));

    /** Each member's Slack language (users.info with include_locale); a member not listed uses Slack's "en-US". */
    private static final Map<String, String> LOCALES = Map.of(
            "U0SEOYEON", "ko-KR",
            "U0BOB", "fr-FR");

    private final List<OpenedView> views = new CopyOnWriteArrayList<>();
    private final List<PostedMessage> messages = new CopyOnWriteArrayList<>();
    private final List<EphemeralMessage> ephemeralMessages = new CopyOnWriteArrayList<>();
    /** Each member's Home tab as last published (views.publish). */
    private final Map<String, Map<String, Object>> homeViews = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong viewSequence = new AtomicLong();
    /** Tells this process's view ids from another's: six random characters. */
    private final String processTag = randomTag(6);

    private static String randomTag(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder tag = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            tag.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return tag.toString();
    }

    public Optional<Member> member(String userId) {
        return MEMBERS.stream().filter(m -> m.id().equals(userId)).findFirst();
    }

    public String localeOf(String userId) {
        return LOCALES.getOrDefault(userId, "en-US");
    }

    /**
     * A view opened with views.open. Its id is new every time, as Slack's are ({@code V0…}, upper-case letters and
     * digits), and unlike a plain counter it is not repeated by the next sandbox process either: the app derives
     * the job id from it, so two openings must never share one.
     */
    public OpenedView openView(String triggerId, Map<String, Object> view) {
        String viewId = "V0" + processTag + Long.toString(viewSequence.incrementAndGet(), 36).toUpperCase(Locale.ROOT);
        OpenedView opened = new OpenedView(viewId, triggerId, view);
        views.add(opened);
        return opened;
    }

    /** Posts a channel message; its ts is the time of posting, as Slack's is. */
    public synchronized PostedMessage post(String channel, String text, Object blocks) {
        return post(channel, text, blocks, null);
    }

    /** Posts a channel message with metadata ({@code event_type}, {@code event_payload}). */
    public synchronized PostedMessage post(String channel, String text, Object blocks, Object metadata) {
        long n = sequence.incrementAndGet() % 1_000_000;
        String ts = String.format("%d.%06d", Instant.now().getEpochSecond(), n);
        PostedMessage message = new PostedMessage(channel, ts, text, blocks, 0, metadata);
        messages.add(message);
        return message;
    }

    /** Deletes a channel message (chat.delete); false when there is none at that ts. */
    public synchronized boolean delete(String channel, String ts) {
        return messages.removeIf(m -> m.channel().equals(channel) && m.ts().equals(ts));
    }

    public EphemeralMessage postEphemeral(String channel, String user, String text) {
        EphemeralMessage message = new EphemeralMessage(channel, user, text);
        ephemeralMessages.add(message);
        return message;
    }

    /** A channel's messages with ts in (oldest, latest], newest first, as conversations.history lists them. */
    public List<PostedMessage> history(String channel, double oldest, double latest) {
        return messages.stream()
                .filter(m -> m.channel().equals(channel))
                .filter(m -> Double.parseDouble(m.ts()) > oldest && Double.parseDouble(m.ts()) <= latest)
                .sorted(Comparator.comparing((PostedMessage m) -> Double.parseDouble(m.ts())).reversed())
                .toList();
    }

    public synchronized Optional<PostedMessage> update(String channel, String ts, String text, Object blocks) {
        return update(channel, ts, text, blocks, null);
    }

    /** Replaces a message's text and blocks, and its metadata when given (Slack keeps it otherwise). */
    public synchronized Optional<PostedMessage> update(String channel, String ts, String text, Object blocks,
            Object metadata) {
        for (int i = 0; i < messages.size(); i++) {
            PostedMessage old = messages.get(i);
            if (old.channel().equals(channel) && old.ts().equals(ts)) {
                PostedMessage updated = new PostedMessage(channel, ts, text, blocks, old.updates() + 1,
                        metadata == null ? old.metadata() : metadata);
                messages.set(i, updated);
                return Optional.of(updated);
            }
        }
        return Optional.empty();
    }

    public List<EphemeralMessage> ephemeralMessages() {
        return List.copyOf(ephemeralMessages);
    }

    public List<OpenedView> views() {
        return List.copyOf(views);
    }

    public List<PostedMessage> messages() {
        return List.copyOf(messages);
    }

    /** A member's Home tab, replaced by each views.publish. */
    public void publishHome(String userId, Map<String, Object> view) {
        homeViews.put(userId, view);
    }

    public Map<String, Map<String, Object>> homeViews() {
        return Map.copyOf(homeViews);
    }

    public void reset() {
        homeViews.clear();
        views.clear();
        messages.clear();
        ephemeralMessages.clear();
    }
}
