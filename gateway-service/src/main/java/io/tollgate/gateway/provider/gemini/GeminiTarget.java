package io.tollgate.gateway.provider.gemini;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.snapshot.ProviderEntry;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a Gemini provider's requests go. AI Studio (the default): {@code {baseUrl}/models/{model}:generateContent}
 * under {@code https://generativelanguage.googleapis.com/v1beta}, with the API key as {@code x-goog-api-key}.
 * Vertex AI (when the provider's settings name a {@code project}; {@code location} defaults to us-central1):
 * {@code https://{location}-aiplatform.googleapis.com/v1/projects/{project}/locations/{location}/publishers/google/
 * models/{model}:generateContent}, with an OAuth token from the service-account JSON credential; a base URL, when
 * set, replaces the part before {@code /projects}.
 */
record GeminiTarget(boolean vertex, String modelsBase) {

    static final String AI_STUDIO_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";
    static final String DEFAULT_LOCATION = "us-central1";

    static GeminiTarget of(ProviderEntry provider) {
        var project = provider.setting("project");
        if (project.isEmpty()) {
            return new GeminiTarget(false, trimmed(provider.baseUrl() != null ? provider.baseUrl() : AI_STUDIO_BASE_URL)
                    + "/models/");
        }
        String location = provider.setting("location").orElse(DEFAULT_LOCATION);
        String host = location.equals("global") ? "https://aiplatform.googleapis.com/v1"
                : "https://" + location + "-aiplatform.googleapis.com/v1";
        String base = trimmed(provider.baseUrl() != null ? provider.baseUrl() : host);
        return new GeminiTarget(true, base + "/projects/" + encoded(project.get()) + "/locations/" + encoded(location)
                + "/publishers/google/models/");
    }

    URI generate(String model) {
        return uri(model, ":generateContent");
    }

    URI stream(String model) {
        return uri(model, ":streamGenerateContent?alt=sse");
    }

    URI embed(String model) {
        return uri(model, vertex ? ":predict" : ":batchEmbedContents");
    }

    private URI uri(String model, String method) {
        try {
            var uri = new URI(modelsBase + encoded(model) + method);
            if (uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw Rejection.upstream(502, "upstream_misconfigured", "The Gemini provider's base URL is not a valid URL.")
                .asException();
    }

    private static String encoded(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
