package bookbot.sandbox.launch;

import java.io.IOException;
import java.net.ServerSocket;

/** Local ports for the processes a test, drill or benchmark starts. */
public final class Ports {

    private Ports() {
    }

    /** A port nothing listens on right now (the OS picks it). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port", e);
        }
    }
}
