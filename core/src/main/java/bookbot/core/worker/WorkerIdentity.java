package bookbot.core.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Names this process in dead letters and logs: host, pid and stage. */
public record WorkerIdentity(String value) {

    public static WorkerIdentity of(String stage) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return new WorkerIdentity(stage + "@" + host + ":" + ProcessHandle.current().pid());
    }
}
