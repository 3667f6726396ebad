package bookbot.enrich.page;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.function.Predicate;

/**
 * The addresses a member's link may make bookbot connect to: public unicast only. Refused: loopback, private
 * (10/8, 172.16/12, 192.168/16), link-local (169.254/16 — the cloud metadata service), carrier-grade NAT
 * (100.64/10), "this network" (0/8), benchmarking (198.18/15), reserved (240/4), broadcast and multicast, and
 * IPv6 loopback, link-local, site-local and unique-local (fc00::/7, where cloud metadata lives on IPv6 too).
 */
final class PublicAddresses implements Predicate<InetAddress> {

    static final PublicAddresses ONLY = new PublicAddresses();

    private PublicAddresses() {
    }

    @Override
    public boolean test(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0
                    && !(first == 100 && second >= 64 && second <= 127)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    && !(first == 198 && (second == 18 || second == 19))
                    && first < 240;
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc;
        }
        return false;
    }
}
