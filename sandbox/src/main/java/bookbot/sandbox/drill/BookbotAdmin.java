package bookbot.sandbox.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import bookbot.sandbox.launch.ModuleJars;

/**
 * {@code ./bookbot-admin}, as an operator runs it: admin-cli's jar in a process of its own, with the pipeline's
 * broker and namespace in its environment. Its output and its errors are read as one text, in the order printed.
 */
public final class BookbotAdmin {

    private static final long TIMEOUT_SECONDS = 120;

    /** What a command printed (standard output and errors together) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    private final Path java;
    private final Path jar;
    private final Map<String, String> environment;

    /** @param environment variables added to this process's own: SPRING_RABBITMQ_*, BOOKBOT_AMQP_NAMESPACE */
    BookbotAdmin(Path java, Path jar, Map<String, String> environment) {
        this.java = java;
        this.jar = jar;
        this.environment = Map.copyOf(environment);
    }

    /** The admin-cli jar of a built checkout. */
    public static BookbotAdmin of(Path repository, Path java, Map<String, String> environment) {
        return new BookbotAdmin(java, ModuleJars.find(repository, "admin-cli", ".jar"), environment);
    }

    public Result run(String... arguments) {
        String named = "bookbot-admin " + String.join(" ", arguments);
        Path output = null;
        Process process = null;
        try {
            output = Files.createTempFile("bookbot-admin", ".out");
            ProcessBuilder builder = new ProcessBuilder(command(arguments)).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new DrillFailure(named + " still ran after " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + named + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** Asks for UTF-8 whatever the locale, so members' names and Korean titles come through as printed. */
    List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8", "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
