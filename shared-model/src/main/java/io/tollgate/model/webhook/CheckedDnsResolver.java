package io.tollgate.model.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The webhook HTTP client's only way to turn a name into addresses: each lookup is checked by the guard, and the
 * client connects to the addresses that passed, so no second lookup can swap in another (DNS rebinding). The name
 * itself stays the request's: it is sent as Host, as TLS SNI, and checked against the certificate.
 */
final class CheckedDnsResolver implements DnsResolver {

    private final WebhookAddressGuard guard;

    CheckedDnsResolver(WebhookAddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return guard.checkedAddresses(host);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
