package bookbot.sandbox.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's runnable jars, as the build leaves them under {@code <module>/target/}. */
public enum Service {
    SANDBOX("sandbox", "-exec.jar"),
    GATEWAY("bot-gateway", ".jar"),
    ENRICH_WORKER("enrich-worker", ".jar"),
    NOTION_WRITER("notion-writer", ".jar");

    private final String module;
    private final String suffix;

    Service(String module, String suffix) {
        this.module = module;
        this.suffix = suffix;
    }

    public String module() {
        return module;
    }

    /** The executable jar of this service in a built checkout. */
    public Path jar(Path repository) {
        Path target = repository.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files
                    .filter(p -> p.getFileName().toString().startsWith(module + "-"))
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> suffix.equals("-exec.jar") || !p.getFileName().toString().matches(".*-(tests|exec)\\.jar"))
                    .toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected one " + module + " jar in " + target + ", found " + jars
                        + ": build first (mvn -DskipTests package)");
            }
            return jars.getFirst();
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + ": build first (mvn -DskipTests package)", e);
        }
    }
}
