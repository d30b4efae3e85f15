package io.tollgate.gateway.provider.azure;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.snapshot.ProviderEntry;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deployment's URLs: {@code {baseUrl}/openai/deployments/{deployment}/chat/completions?api-version={apiVersion}},
 * the deployment being the catalog deployment's upstream model and the version the provider's {@code apiVersion}
 * setting. Parsed once per provider version and deployment, not with every request.
 */
final class AzureEndpoints {

    static final String API_KEY_HEADER = "api-key";
    /** The latest generally available data-plane version; it has {@code stream_options.include_usage}. */
    static final String DEFAULT_API_VERSION = "2024-10-21";

    private record Key(String deployment, Endpoint endpoint) {
    }

    private record Known(long version, Map<Key, URI> uris) {
    }

    private final Map<UUID, Known> known = new ConcurrentHashMap<>();

    URI uri(UpstreamRequest request) {
        var provider = request.provider();
        var entry = known.get(provider.id());
        if (entry == null || entry.version() != provider.version()) {
            entry = new Known(provider.version(), new ConcurrentHashMap<>());
            known.put(provider.id(), entry);
        }
        return entry.uris().computeIfAbsent(new Key(request.upstreamModel(), request.endpoint()),
                key -> build(provider, key.deployment(), key.endpoint()));
    }

    static URI build(ProviderEntry provider, String deployment, Endpoint endpoint) {
        String baseUrl = provider.baseUrl();
        if (baseUrl == null || baseUrl.isBlank()) {
            throw misconfigured("has no base URL (https://{resource}.openai.azure.com)");
        }
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String apiVersion = provider.setting("apiVersion").orElse(DEFAULT_API_VERSION);
        try {
            var uri = new URI(base + "/openai/deployments/" + URLEncoder.encode(deployment, StandardCharsets.UTF_8)
                    + endpoint.path() + "?api-version=" + URLEncoder.encode(apiVersion, StandardCharsets.UTF_8));
            if (uri.getHost() == null) {
                throw misconfigured("base URL is not a valid URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw misconfigured("base URL is not a valid URL");
        }
    }

    private static RuntimeException misconfigured(String what) {
        return Rejection.upstream(502, "upstream_misconfigured", "The Azure OpenAI provider " + what + ".").asException();
    }
}
