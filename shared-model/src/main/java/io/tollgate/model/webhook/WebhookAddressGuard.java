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
 * resolves to is checked, after DNS, at registration and again for every delivery, since a name can be pointed
 * elsewhere later. A delivery resolves the name once, through {@link #checkedAddresses}, and connects to exactly
 * those addresses (see {@link WebhookSender}): a second lookup could answer differently (DNS rebinding). Operators
 * whose receivers live on a private network (on-premises, the tests' local receivers) allow them with
 * {@code tollgate.webhooks.allow-private-targets}.
 */
public class WebhookAddressGuard {

    private final boolean allowPrivateTargets;
    private final WebhookHostResolver resolver;

    public WebhookAddressGuard(boolean allowPrivateTargets, WebhookHostResolver resolver) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.resolver = resolver;
    }

    /**
     * Why Tollgate will not post to this URL, for people; empty when it may. A name that does not resolve is not
     * refused here: there is nothing to post to, and the delivery fails as unreachable.
     */
    public Optional<String> refusal(URI url) {
        if (allowPrivateTargets || url.getHost() == null) {
            return Optional.empty();
        }
        try {
            checkedAddresses(url.getHost());
            return Optional.empty();
        } catch (WebhookAddressRefused refused) {
            return Optional.of(refused.getMessage());
        } catch (UnknownHostException unresolved) {
            return Optional.empty();
        }
    }

    /**
     * The host's addresses, resolved once, each of them allowed.
     *
     * @throws WebhookAddressRefused when any of them is inside the platform's network (and that is not allowed)
     * @throws UnknownHostException  when the name does not resolve
     */
    InetAddress[] checkedAddresses(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(bare);
        if (allowPrivateTargets) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = blockedKind(address);
            if (kind.isPresent()) {
                throw new WebhookAddressRefused(host + " resolves to " + address.getHostAddress() + ", a "
                        + kind.get() + " address; webhooks must reach a public address (an operator can allow "
                        + "private ones with TOLLGATE_WEBHOOK_ALLOW_PRIVATE_TARGETS=true)");
            }
        }
        return addresses;
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
