package io.tollgate.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookAddressGuardTest {

    private final WebhookAddressGuard guard = new WebhookAddressGuard(false, WebhookHostResolver.SYSTEM);

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback", "127.10.0.1, loopback", "::1, loopback",
            "10.0.0.8, private", "172.16.4.1, private", "172.31.255.255, private", "192.168.1.10, private",
            "100.64.0.1, private",
            "169.254.169.254, link-local", "169.254.0.1, link-local", "fe80::1, link-local",
            "fd00:ec2::254, unique-local", "fc00::1, unique-local",
            "224.0.0.1, multicast", "ff02::1, multicast",
            "0.0.0.0, unspecified", "::, unspecified",
            "::ffff:169.254.169.254, link-local", "64:ff9b::a00:1, private", "::127.0.0.1, loopback"})
    void addresses_inside_the_platforms_network_are_refused_with_their_kind(String address, String kind)
            throws UnknownHostException {
        assertThat(WebhookAddressGuard.blockedKind(InetAddress.getByName(address))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:21f:cb07::1",
            "64:ff9b::808:808"})
    void public_addresses_are_allowed(String address) throws UnknownHostException {
        assertThat(WebhookAddressGuard.blockedKind(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void a_url_is_judged_by_what_its_host_resolves_to() {
        assertThat(guard.refusal(URI.create("http://localhost:8080/hook"))).hasValueSatisfying(reason -> assertThat(
                reason).startsWith("localhost resolves to ").contains("loopback")
                .contains("TOLLGATE_WEBHOOK_ALLOW_PRIVATE_TARGETS"));
        assertThat(guard.refusal(URI.create("https://169.254.169.254/latest/meta-data/")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("link-local"));
        assertThat(guard.refusal(URI.create("https://[fd12:3456::1]/hook")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("unique-local"));
        assertThat(guard.refusal(URI.create("https://93.184.215.14/hook"))).isEmpty();
    }

    @Test
    void an_operator_may_allow_private_targets() {
        WebhookAddressGuard onPremises = new WebhookAddressGuard(true, WebhookHostResolver.SYSTEM);

        assertThat(onPremises.refusal(URI.create("http://localhost:8080/hook"))).isEmpty();
        assertThat(onPremises.refusal(URI.create("https://10.1.2.3/hook"))).isEmpty();
    }
}
