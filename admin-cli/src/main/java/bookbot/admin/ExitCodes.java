package bookbot.admin;

/** What scripts can rely on; listed in {@code bookbot-admin --help}. */
public final class ExitCodes {

    public static final int DONE = 0;
    public static final int PARTLY_DONE = 1;
    public static final int USAGE = 2;
    public static final int UNAVAILABLE = 3;
    public static final int NOT_FOUND = 4;
    public static final int UNFIT = 5;

    private ExitCodes() {
    }
}
