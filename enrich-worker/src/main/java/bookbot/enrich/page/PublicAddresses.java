package bookbot.enrich.page;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The addresses a member's link may make bookbot connect to: public unicast only. Refused: loopback, private
 * (10/8, 172.16/12, 192.168/16), link-local (169.254/16 — the cloud metadata service), carrier-grade NAT
 * (100.64/10), "this network" (0/8), benchmarking (198.18/15), reserved (240/4), broadcast and multicast, and
 * IPv6 loopback, link-local, site-local and unique-local (fc00::/7, where cloud metadata lives on IPv6 too).
 * <p>
 * An IPv6 address that carries an IPv4 address — IPv4-mapped ({@code ::ffff:0:0/96}), IPv4-compatible
 * ({@code ::/96}), NAT64 ({@code 64:ff9b::/96}), 6to4 ({@code 2002::/16}, bits 16–47) and Teredo
 * ({@code 2001::/32}, server in bits 32–63, client inverted in the last 32) — is allowed only if every IPv4
 * address inside passes the IPv4 rule above: refusing these forms outright would refuse every IPv4-only site to a
 * worker behind DNS64, which answers with {@code 64:ff9b::} addresses. The rest of {@code 64:ff9b::/32},
 * including the local-use NAT64 prefix {@code 64:ff9b:1::/48}, is refused whatever it holds: where the IPv4
 * address sits there is the operator's choice, so it cannot be read back.
 */
final class PublicAddresses implements Predicate<InetAddress> {

    static final PublicAddresses ONLY = new PublicAddresses();

    private static final int[] IPV4_MAPPED = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    private static final int[] IPV4_COMPATIBLE = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final int[] NAT64 = {0x00, 0x64, 0xff, 0x9b};
    private static final int[] NAT64_WELL_KNOWN = {0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final int[] SIX_TO_FOUR = {0x20, 0x02};
    private static final int[] TEREDO = {0x20, 0x01, 0x00, 0x00};

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
            if ((b[0] & 0xfe) == 0xfc || startsWith(b, NAT64) && !startsWith(b, NAT64_WELL_KNOWN)) {
                return false;
            }
            return embeddedIpv4(b).stream().allMatch(this);
        }
        return false;
    }

    /** The IPv4 addresses an IPv6 address carries in one of the standard forms; none if it is native IPv6. */
    private static List<InetAddress> embeddedIpv4(byte[] b) {
        if (startsWith(b, IPV4_MAPPED) || startsWith(b, IPV4_COMPATIBLE) || startsWith(b, NAT64_WELL_KNOWN)) {
            return List.of(ipv4(b, 12, false));
        }
        if (startsWith(b, SIX_TO_FOUR)) {
            return List.of(ipv4(b, 2, false));
        }
        if (startsWith(b, TEREDO)) {
            return List.of(ipv4(b, 4, false), ipv4(b, 12, true));
        }
        return List.of();
    }

    private static InetAddress ipv4(byte[] b, int offset, boolean inverted) {
        byte[] ipv4 = Arrays.copyOfRange(b, offset, offset + 4);
        if (inverted) {
            for (int i = 0; i < ipv4.length; i++) {
                ipv4[i] = (byte) ~ipv4[i];
            }
        }
        try {
            return InetAddress.getByAddress(ipv4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static boolean startsWith(byte[] b, int[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
