package bookbot.enrich.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a member's link may lead bookbot to. */
class PublicAddressesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "2606:4700:4700::1111"})
    void aPublicAddressIsAllowed(String address) throws UnknownHostException {
        assertThat(PublicAddresses.ONLY.test(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "169.254.169.254", "100.64.0.1", "::1", "fe80::1", "fd00:ec2::254"})
    void anAddressThatIsNotPublicIsRefused(String address) throws UnknownHostException {
        assertThat(PublicAddresses.ONLY.test(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bookbot.enrich.page.EmbeddedIpv4Forms#refused")
    void anIpv6AddressAroundAnIpv4ThatIsNotPublicIsRefused(EmbeddedIpv4Forms.Form form) {
        assertThat(PublicAddresses.ONLY.test(form.inet())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bookbot.enrich.page.EmbeddedIpv4Forms#allowed")
    void anIpv6AddressAroundAPublicIpv4IsAllowed(EmbeddedIpv4Forms.Form form) {
        assertThat(PublicAddresses.ONLY.test(form.inet())).isTrue();
    }
}
