package bookbot.sandbox.launch;

import java.io.IOException;
import java.net.InetAddress;
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

    /**
     * That port, if nothing listens on it on this machine (another sandbox or gateway there would answer for ours).
     *
     * @param hint what to do instead, for the message when it is taken
     */
    public static int requireFree(int port, String hint) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is taken; " + hint);
        }
    }
}
