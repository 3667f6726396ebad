package bookbot.enrich.page;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;

import okhttp3.Dns;

/**
 * Resolves a host with the given resolver and refuses it if any of its addresses is not allowed, before a
 * connection is opened. OkHttp
 * connects to exactly the addresses returned here, so a name that resolves to a public address now and a private
 * one later (DNS rebinding) cannot slip between the check and the connect.
 */
class GuardedDns implements Dns {

    private final Dns resolver;
    private final Predicate<InetAddress> allowed;

    GuardedDns(Dns resolver, Predicate<InetAddress> allowed) {
        this.resolver = resolver;
        this.allowed = allowed;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = resolver.lookup(hostname);
        for (InetAddress address : addresses) {
            if (!allowed.test(address)) {
                throw new RefusedAddressException(hostname + " resolves to " + address.getHostAddress()
                        + ", which is not a public address");
            }
        }
        return addresses;
    }
}
