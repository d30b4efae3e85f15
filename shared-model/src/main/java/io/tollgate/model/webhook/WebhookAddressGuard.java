package io.tollgate.model.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Keeps tenant webhooks off the platform's own network (server-side request forgery): a webhook's host must not
 * resolve to a loopback, private (RFC 1918, shared 100.64/10), link-local (169.254/16 with the clouds' metadata
 * services, fe80::/10), unique-local IPv6 (fc00::/7), multicast or unspecified address. Every address the name
 * resolves to is checked, after DNS, at registration and again before every delivery, since a name can be pointed
 * elsewhere later. The JVM caches a successful lookup (30 s by default), so the HTTP client's own lookup just after
 * the check gets the same answer. Operators whose receivers live on a private network (on-premises, the tests' local
 * receivers) allow them with {@code tollgate.webhooks.allow-private-targets}.
 */
public class WebhookAddressGuard {

    private final boolean allowPrivateTargets;

    public WebhookAddressGuard(boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    /**
     * Why Tollgate will not post to this URL, for people; empty when it may. A name that does not resolve is not
     * refused here: there is nothing to post to, and the delivery fails as unreachable.
     */
    public Optional<String> refusal(URI url) {
        if (allowPrivateTargets || url.getHost() == null) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException unresolved) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = blockedKind(address);
            if (kind.isPresent()) {
                return Optional.of(url.getHost() + " resolves to " + address.getHostAddress() + ", a " + kind.get()
                        + " address; webhooks must reach a public address (an operator can allow private ones with "
                        + "TOLLGATE_WEBHOOK_ALLOW_PRIVATE_TARGETS=true)");
            }
        }
        return Optional.empty();
    }

    /** The kind of address a webhook may not target, or empty for a public one. */
    static Optional<String> blockedKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (address.isSiteLocalAddress() || first == 100 && second >= 64 && second < 128) {
                return Optional.of("private");
            }
            if (first == 0 || first >= 240) {
                return Optional.of("reserved");
            }
        } else if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
                return Optional.of("unique-local");
            }
            if (embedsIpv4(bytes)) {
                try {
                    return blockedKind(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return Optional.empty();
    }

    /** An IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) address carries an IPv4 address in its last bytes. */
    private static boolean embedsIpv4(byte[] ipv6) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= ipv6[i] == 0;
        }
        boolean nat64 = ipv6[0] == 0 && ipv6[1] == 0x64 && (ipv6[2] & 0xff) == 0xff && (ipv6[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = ipv6[i] == 0;
        }
        return compatible || nat64;
    }
}
