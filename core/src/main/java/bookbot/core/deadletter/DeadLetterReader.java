package bookbot.core.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

import bookbot.core.job.BookJob;
import bookbot.core.job.Recommendation;
import bookbot.core.job.JobCodec;
import bookbot.core.job.MalformedJobException;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a raw dead letter into what admins read. Two kinds arrive: those a worker dead-lettered (with our
 * {@code bookbot-dead-*} headers) and those the broker dead-lettered itself, when a job crashed its worker past
 * the delivery limit (only RabbitMQ's {@code x-death} header says what happened).
 */
public class DeadLetterReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JobCodec codec;
    private final Topology topology;

    public DeadLetterReader(JobCodec codec, Topology topology) {
        this.codec = codec;
        this.topology = topology;
    }

    public DeadLetter summarize(Message message) {
        return summarize(message, decode(message));
    }

    /**
     * What the headers alone say: enough to filter and count (no title, link or member, which are in the body),
     * without decoding the job, which is most of the cost of reading a long log.
     */
    public DeadLetter brief(Message message) {
        return summarize(message, Optional.empty());
    }

    private DeadLetter summarize(Message message, Optional<BookJob> job) {
        MessageProperties properties = message.getMessageProperties();
        Map<String, Object> headers = properties.getHeaders();
        Optional<Map<?, ?>> death = firstDeath(headers);
        String jobId = job.map(BookJob::jobId).orElse(properties.getMessageId());
        String reason = text(headers.get(JobHeaders.DEAD_REASON));
        String error = text(headers.get(JobHeaders.DEAD_ERROR));
        if (reason == null) {
            reason = death.map(d -> text(d.get("reason"))).map(r -> "broker-" + r.replace('_', '-')).orElse("unknown");
            error = death.map(d -> "RabbitMQ dead-lettered it from " + d.get("queue") + " (" + d.get("reason")
                    + "): it was delivered too often without being acknowledged, as when it crashes its worker")
                    .orElse("no failure recorded");
        }
        Instant deathTime = death.map(d -> d.get("time")).map(DeadLetterReader::instant).orElse(null);
        Instant first = Optional.ofNullable(instant(headers.get(JobHeaders.FIRST_FAILED_AT))).orElse(deathTime);
        Instant last = Optional.ofNullable(instant(headers.get(JobHeaders.LAST_FAILED_AT))).orElse(deathTime);
        return new DeadLetter(
                DeadLetterIds.of(message),
                jobId,
                job.map(BookJob::displayTitle).orElse(null),
                job.map(BookJob::recommendation).map(Recommendation::bookUrl).orElse(null),
                job.map(BookJob::recommenderDisplayName).orElse(null),
                stageOf(message).map(Stage::label).orElse("unknown"),
                reason,
                error,
                headers.get(JobHeaders.ATTEMPT) instanceof Number n ? n.intValue() : 0,
                first,
                last,
                history(message).size());
    }

    public DeadLetterDetail detail(Message message) {
        Map<String, Object> headers = new TreeMap<>();
        message.getMessageProperties().getHeaders().forEach((name, value) -> headers.put(name, readable(value)));
        return new DeadLetterDetail(summarize(message), stageOf(message).map(Stage::inputKey).orElse(null),
                payload(message.getBody()), headers, history(message));
    }

    /** The stage that gave up: ours says so; for the broker's, the queue it left tells. */
    public Optional<Stage> stageOf(Message message) {
        Map<String, Object> headers = message.getMessageProperties().getHeaders();
        String label = text(headers.get(JobHeaders.DEAD_STAGE));
        if (label != null) {
            return Arrays.stream(Stage.values()).filter(s -> s.label().equals(label)).findFirst();
        }
        String queue = firstDeath(headers).map(d -> text(d.get("queue"))).orElse(null);
        return Arrays.stream(Stage.values()).filter(s -> topology.queue(s).equals(queue)).findFirst();
    }

    public List<PastDeath> history(Message message) {
        return DeadLetterHistory.read(message.getMessageProperties().getHeaders().get(JobHeaders.HISTORY));
    }

    private Optional<BookJob> decode(Message message) {
        try {
            return Optional.of(codec.decode(message.getBody()));
        } catch (MalformedJobException e) {
            return Optional.empty();
        }
    }

    private static Object payload(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * RabbitMQ's record of the death: {@code x-death} where the message kept it; in the log only the
     * {@code x-first-death-*} headers are left (a stream keeps no table or array header), without a time.
     */
    private static Optional<Map<?, ?>> firstDeath(Map<String, Object> headers) {
        if (headers.get("x-death") instanceof List<?> deaths && !deaths.isEmpty() && deaths.getFirst() instanceof Map<?, ?> d) {
            return Optional.of(d);
        }
        if (headers.get("x-first-death-reason") != null) {
            Map<String, Object> death = new LinkedHashMap<>();
            death.put("queue", text(headers.get("x-first-death-queue")));
            death.put("reason", text(headers.get("x-first-death-reason")));
            return Optional.of(death);
        }
        return Optional.empty();
    }

    private static Object readable(Object value) {
        return switch (value) {
            case Date date -> date.toInstant().toString();
            case List<?> list -> list.stream().map(DeadLetterReader::readable).toList();
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(String.valueOf(k), readable(v)));
                yield copy;
            }
            case null -> null;
            case Number n -> n;
            case Boolean b -> b;
            default -> value.toString();
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
