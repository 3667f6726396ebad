package bookbot.sandbox.client;

/** The outside APIs the sandbox plays. */
public enum Fake {
    SLACK("slack"), OPENGRAPH("opengraph"), NOTION("notion");

    private final String path;

    Fake(String path) {
        this.path = path;
    }

    /** Its name in the sandbox's control API ({@code /_sandbox/knobs/{path}}). */
    public String path() {
        return path;
    }
}
