package bookbot.core.lifecycle;

import sun.misc.Signal;

/**
 * Makes SIGTERM a normal stop. By default the JVM runs its shutdown hooks on SIGTERM (Spring then stops the
 * consumers, lets the jobs in flight finish within {@code bookbot.worker.shutdown-timeout} and hands the
 * unstarted prefetched ones back to the broker) but exits with status 143, which process supervisors report
 * as a failure. Here SIGTERM runs the same hooks through {@code System.exit(0)}.
 */
public final class GracefulTermination {

    private GracefulTermination() {
    }

    public static void exitZeroOnSigterm() {
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    }
}
