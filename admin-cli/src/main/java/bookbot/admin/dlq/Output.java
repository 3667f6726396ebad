package bookbot.admin.dlq;

import java.io.PrintWriter;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A command's result as indented JSON, for scripts (and for the job inside {@code show}). */
final class Output {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Output() {
    }

    static void json(PrintWriter out, Object value) {
        out.println(pretty(value));
        out.flush();
    }

    static String pretty(Object value) {
        return JSON.writeValueAsString(value);
    }
}
