package bookbot.core.job;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Turns jobs into the JSON that travels on the queues and back. */
public final class JobCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    public byte[] encode(BookJob job) {
        return mapper.writeValueAsBytes(job);
    }

    public BookJob decode(byte[] body) {
        BookJob job;
        try {
            job = mapper.readValue(body, BookJob.class);
        } catch (JacksonException e) {
            throw new MalformedJobException("not a valid job: " + rootMessage(e), e);
        }
        if (job == null) {
            throw new MalformedJobException("empty message body", null);
        }
        if (job.schemaVersion() < BookJob.SHARE_SCHEMA_VERSION || job.schemaVersion() > BookJob.SCHEMA_VERSION) {
            throw new MalformedJobException("unsupported schema version " + job.schemaVersion()
                    + " (this build reads " + BookJob.SHARE_SCHEMA_VERSION + " to " + BookJob.SCHEMA_VERSION + ")", null);
        }
        return job;
    }

    public String toJson(BookJob job) {
        return new String(encode(job), StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
