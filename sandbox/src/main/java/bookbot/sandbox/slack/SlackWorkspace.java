package bookbot.sandbox.slack;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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

    /** A channel message; {@code updates} counts chat.update calls on it. */
    public record PostedMessage(String channel, String ts, String text, Object blocks, int updates) {
    }

    /** A message only {@code user} sees (chat.postEphemeral). */
    public record EphemeralMessage(String channel, String user, String text) {
    }

    private static final List<Member> MEMBERS = List.of(
            new Member("U0MEMBER", "kim.reader", "Kim Reader", "kim"),
            new Member("U0ALICE", "alice", "Alice Park", "alice"),
            new Member("U0BOB", "bob", "Bob Lee", ""),
            new Member("U0SEOYEON", "seoyeon", "이서연", "서연"));

    private final List<OpenedView> views = new CopyOnWriteArrayList<>();
    private final List<PostedMessage> messages = new CopyOnWriteArrayList<>();
    private final List<EphemeralMessage> ephemeralMessages = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    public Optional<Member> member(String userId) {
        return MEMBERS.stream().filter(m -> m.id().equals(userId)).findFirst();
    }

    public OpenedView openView(String triggerId, Map<String, Object> view) {
        OpenedView opened = new OpenedView("V" + String.format("%08d", sequence.incrementAndGet()), triggerId, view);
        views.add(opened);
        return opened;
    }

    /** Posts a channel message; its ts is the time of posting, as Slack's is. */
    public synchronized PostedMessage post(String channel, String text, Object blocks) {
        long n = sequence.incrementAndGet() % 1_000_000;
        String ts = String.format("%d.%06d", Instant.now().getEpochSecond(), n);
        PostedMessage message = new PostedMessage(channel, ts, text, blocks, 0);
        messages.add(message);
        return message;
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
        for (int i = 0; i < messages.size(); i++) {
            PostedMessage old = messages.get(i);
            if (old.channel().equals(channel) && old.ts().equals(ts)) {
                PostedMessage updated = new PostedMessage(channel, ts, text, blocks, old.updates() + 1);
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

    public void reset() {
        views.clear();
        messages.clear();
        ephemeralMessages.clear();
    }
}
