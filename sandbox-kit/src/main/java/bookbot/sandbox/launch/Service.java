package bookbot.sandbox.launch;

import java.nio.file.Path;

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
        return ModuleJars.find(repository, module, suffix);
    }
}
