package bookbot.admin.dlq;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who runs the command, as recorded on replayed jobs and in the log: the OS user at this host. */
final class Actor {

    private Actor() {
    }

    static String current() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return System.getProperty("user.name") + "@" + host + " (cli)";
    }
}
