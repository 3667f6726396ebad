package bookbot.sandbox.faults;

/** The services the sandbox plays. */
public enum FakeApi {
    SLACK, OPENGRAPH, NOTION;

    public static FakeApi parse(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
