package bookbot.core.messaging;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.MDC;
import org.springframework.amqp.core.Message;

/**
 * Follows one job across the processes: its id (the AMQP message id) and a trace id (header
 * {@value JobHeaders#TRACE_ID}, made by the gateway, copied onto every message of the job) go into the logging
 * context as {@code jobId} and {@code traceId}, so every log line about the job carries them. One grep of
 * either finds the job's lines in the gateway's, the enrich workers' and the notion writers' logs.
 */
public final class JobTrace implements AutoCloseable {

    public static final String JOB_ID = "jobId";
    public static final String TRACE_ID = "traceId";

    private JobTrace(String jobId, String traceId) {
        MDC.put(JOB_ID, jobId);
        MDC.put(TRACE_ID, traceId);
    }

    /** Puts the job into the logging context until {@link #close()}. */
    public static JobTrace begin(String jobId, String traceId) {
        return new JobTrace(jobId, traceId);
    }

    /** A new trace id: 32 hex digits, the W3C trace-context size, so other tracing tools can take it. */
    public static String newTraceId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The message's trace id; a message from before traces existed gets a new one, carried on from here. */
    public static String traceIdOf(Message message) {
        Object header = message.getMessageProperties().getHeaders().get(JobHeaders.TRACE_ID);
        return header == null || header.toString().isBlank() ? newTraceId() : header.toString();
    }

    @Override
    public void close() {
        MDC.remove(JOB_ID);
        MDC.remove(TRACE_ID);
    }
}
