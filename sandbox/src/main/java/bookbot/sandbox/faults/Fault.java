package bookbot.sandbox.faults;

/** What the fault injector decided for one request: answer normally, or fail this way. */
public enum Fault {
    NONE, SERVER_ERROR, RATE_LIMITED, TIMEOUT, UNAUTHORIZED
}
