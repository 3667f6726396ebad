package bookbot.sandbox.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the runnable jars the build leaves under {@code <module>/target/}. */
public final class ModuleJars {

    private ModuleJars() {
    }

    /** @param suffix ".jar" for a module's Spring Boot jar, "-exec.jar" for one built beside a thin jar */
    public static Path find(Path repository, String module, String suffix) {
        Path target = repository.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files
                    .filter(p -> p.getFileName().toString().startsWith(module + "-"))
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> suffix.equals("-exec.jar") || !p.getFileName().toString().matches(".*-(tests|exec)\\.jar"))
                    .toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected one " + module + " jar in " + target + ", found " + jars
                        + ": build first (./mvnw -DskipTests package)");
            }
            return jars.getFirst();
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + ": build first (./mvnw -DskipTests package)", e);
        }
    }
}
