package bookbot.sandbox.faults;

import java.util.Locale;

/** The services the sandbox plays. */
public enum FakeApi {
    SLACK, OPENGRAPH, NOTION;

    public static FakeApi parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
