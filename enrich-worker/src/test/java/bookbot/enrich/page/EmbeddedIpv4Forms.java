package bookbot.enrich.page;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.stream.Stream;

/**
 * IPv6 addresses that carry an IPv4 address inside, one per standard form. 169.254.169.254 (a9fe:a9fe) is the
 * cloud metadata service, 1.1.1.1 (101:101) and 8.8.8.8 (808:808) are public.
 */
final class EmbeddedIpv4Forms {

    private EmbeddedIpv4Forms() {
    }

    record Form(String name, String address) {

        /** Kept IPv6 as written: the JDK would turn {@code ::ffff:a.b.c.d} into an IPv4 address on its own. */
        Inet6Address inet() {
            try {
                InetAddress parsed = InetAddress.getByName(address);
                byte[] bytes = parsed instanceof Inet4Address ? mapped(parsed.getAddress()) : parsed.getAddress();
                return Inet6Address.getByAddress(null, bytes, -1);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(address, e);
            }
        }

        String link() {
            return "http://[" + address + "]/latest/meta-data/";
        }

        @Override
        public String toString() {
            return name + ": " + address;
        }
    }

    static Stream<Form> refused() {
        return Stream.of(
                new Form("IPv4-mapped, dotted", "::ffff:169.254.169.254"),
                new Form("IPv4-mapped, hex", "::ffff:a9fe:a9fe"),
                new Form("IPv4-compatible (deprecated ::/96)", "::169.254.169.254"),
                new Form("NAT64 well-known prefix 64:ff9b::/96", "64:ff9b::a9fe:a9fe"),
                new Form("NAT64 local-use prefix 64:ff9b:1::/48", "64:ff9b:1::a9fe:a9fe"),
                new Form("NAT64 local-use prefix, even around a public IPv4", "64:ff9b:1::101:101"),
                new Form("6to4 2002::/16", "2002:a9fe:a9fe::1"),
                new Form("Teredo 2001::/32, server", "2001:0:a9fe:a9fe::f7f7:f7f7"),
                new Form("Teredo 2001::/32, client (bits inverted)", "2001:0:808:808::5601:5601"));
    }

    static Stream<Form> allowed() {
        return Stream.of(
                new Form("IPv4-mapped public IPv4", "::ffff:1.1.1.1"),
                new Form("NAT64 well-known prefix around a public IPv4", "64:ff9b::101:101"),
                new Form("6to4 around a public IPv4", "2002:101:101::1"),
                new Form("Teredo with public server and client", "2001:0:808:808::fefe:fefe"));
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }
}
