package io.tollgate.gateway.provider.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The address of a provider's requests, read once from a URI, with its encoded {@code host} header. */
final class Origin {

    final boolean tls;
    /** Without an IPv6 literal's brackets, to connect to. */
    final String host;
    final int port;
    final byte[] hostLine;
    private final String scheme;
    private final String uriHost;
    private final int uriPort;

    private Origin(String scheme, String uriHost, int uriPort) {
        this.scheme = scheme;
        this.uriHost = uriHost;
        this.uriPort = uriPort;
        this.tls = scheme.equals("https");
        this.port = uriPort != -1 ? uriPort : tls ? 443 : 80;
        this.host = uriHost.startsWith("[") ? uriHost.substring(1, uriHost.length() - 1) : uriHost;
        String header = uriPort == -1 ? uriHost : uriHost + ":" + port;
        this.hostLine = ("host: " + header + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Not an http or https URI: " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("No host in " + uri);
        }
        return new Origin(scheme, uri.getHost(), uri.getPort());
    }

    boolean serves(URI uri) {
        return uriPort == uri.getPort() && uriHost.equals(uri.getHost()) && scheme.equalsIgnoreCase(uri.getScheme());
    }

    @Override
    public String toString() {
        return scheme + "://" + uriHost + ":" + port;
    }
}
