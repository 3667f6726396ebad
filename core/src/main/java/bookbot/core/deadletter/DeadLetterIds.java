package bookbot.core.deadletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.amqp.core.Message;

import bookbot.core.messaging.JobHeaders;

/** Short names for dead letters, typed by admins: twelve hex digits. */
public final class DeadLetterIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeadLetterIds() {
    }

    /** A fresh id, given to a message when a worker dead-letters it. */
    public static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The id of a dead letter: ours, or for one the broker dead-lettered by itself, derived from it. */
    public static String of(Message message) {
        Object id = message.getMessageProperties().getHeaders().get(JobHeaders.DEAD_LETTER_ID);
        return id != null ? id.toString() : derivedFrom(message);
    }

    /**
     * The id of a message the broker dead-lettered by itself (a job that crashed its worker past the delivery
     * limit carries no id of ours): derived from its body and headers, which stay the same while it waits.
     */
    static String derivedFrom(Message message) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(message.getBody());
            String id = String.valueOf(message.getMessageProperties().getMessageId());
            Map<String, Object> headers = new TreeMap<>(message.getMessageProperties().getHeaders());
            // Where it sits in the log is not part of it (and differs for a letter moved from the old queue).
            headers.remove("x-stream-offset");
            sha.update((id + headers).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
