package io.tollgate.gateway.provider.gemini;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.snapshot.ProviderEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Vertex AI's OAuth access tokens, one per provider version, from its service-account JSON by Google's auth library.
 * Fetching a token is blocking HTTP, so it never happens on the request path: a provider's first request starts the
 * fetch on this class's own thread and waits for it without blocking; each token is fetched again ahead of its
 * expiry on that thread while requests keep using the current one. A refused credential (say a revoked key: the
 * token endpoint answers {@code invalid_grant}) fails requests with a 502 carrying the token endpoint's words once
 * no valid token is left, and is retried every {@link #RETRY}. A provider unused for {@link #IDLE} is forgotten.
 */
@Component
public class VertexTokens implements DisposableBean {

    static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    static final Duration RETRY = Duration.ofSeconds(30);
    static final Duration IDLE = Duration.ofHours(1);
    /** How long before expiry a token is replaced, at most (half its lifetime for short-lived tokens). */
    static final Duration LEAD = Duration.ofMinutes(5);

    private final Clock clock;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vertex-token-refresh").daemon().factory());
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    public VertexTokens(Clock clock) {
        this.clock = clock;
    }

    /** One provider version's token state; written only by the refresh thread. */
    private static final class Entry {
        final ProviderEntry provider;
        final CompletableFuture<String> first = new CompletableFuture<>();
        volatile @Nullable AccessToken current;
        volatile @Nullable Rejection failure;
        volatile Instant lastUsed;

        Entry(ProviderEntry provider, Instant now) {
            this.provider = provider;
            this.lastUsed = now;
        }
    }

    /** The provider's current token; waits (without blocking) only for a provider's very first token. */
    public Mono<String> token(ProviderEntry provider) {
        Instant now = clock.instant();
        Entry entry = entries.get(provider.id());
        if (entry == null || entry.provider.version() != provider.version()) {
            entry = entries.compute(provider.id(), (id, known) -> known != null
                    && known.provider.version() == provider.version() ? known : start(provider, now));
        }
        entry.lastUsed = now;
        AccessToken token = entry.current;
        if (token != null && valid(token, now)) {
            return Mono.just(token.getTokenValue());
        }
        Rejection failure = entry.failure;
        if (failure != null) {
            return Mono.error(failure.asException());
        }
        return Mono.fromFuture(entry.first, true);
    }

    private Entry start(ProviderEntry provider, Instant now) {
        var entry = new Entry(provider, now);
        refresher.execute(() -> refresh(entry, true));
        return entry;
    }

    /** The first fetch may run before its entry is in the map; later ones stop once the entry was replaced. */
    private void refresh(Entry entry, boolean first) {
        if (!first && entries.get(entry.provider.id()) != entry) {
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(entry.lastUsed, now).compareTo(IDLE) > 0) {
            entries.remove(entry.provider.id(), entry);
            return;
        }
        try {
            AccessToken token = fetch(entry.provider);
            entry.current = token;
            entry.failure = null;
            entry.first.complete(token.getTokenValue());
            refresher.schedule(() -> refresh(entry, false), nextRefresh(token, now).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException | IOException e) {
            Rejection failure = rejection(e);
            entry.failure = failure;
            entry.first.completeExceptionally(failure.asException());
            refresher.schedule(() -> refresh(entry, false), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static AccessToken fetch(ProviderEntry provider) throws IOException {
        GoogleCredentials credentials;
        try {
            String json = provider.credentialValue().orElseThrow(() -> new IllegalArgumentException("no credential"));
            credentials = GoogleCredentials.fromStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
                    .createScoped(SCOPE);
        } catch (IOException | IllegalArgumentException e) {
            throw new MisconfiguredCredential(e);
        }
        return credentials.refreshAccessToken();
    }

    private Duration nextRefresh(AccessToken token, Instant now) {
        if (token.getExpirationTime() == null) {
            return LEAD;
        }
        Duration lifetime = Duration.between(now, token.getExpirationTime().toInstant());
        Duration lead = lifetime.dividedBy(2).compareTo(LEAD) < 0 ? lifetime.dividedBy(2) : LEAD;
        Duration wait = lifetime.minus(lead);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static boolean valid(AccessToken token, Instant now) {
        return token.getExpirationTime() == null || token.getExpirationTime().toInstant().isAfter(now);
    }

    /** The token endpoint's own words ({@code error: error_description}) when it refused the credential. */
    static Rejection rejection(Exception failure) {
        if (failure instanceof MisconfiguredCredential) {
            return Rejection.upstream(502, "upstream_misconfigured",
                    "The Vertex AI provider's credential is not a service-account JSON key.");
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException response) {
                return UpstreamErrors.fromStatus(401, "the token endpoint answered " + response.getStatusCode() + ": "
                        + oauthError(response.getContent()), null);
            }
        }
        return Rejection.upstream(502, "upstream_auth_unreachable",
                "The provider's token endpoint could not be reached to authenticate the platform.");
    }

    private static String oauthError(@Nullable String content) {
        if (content == null || content.isBlank()) {
            return "no detail given.";
        }
        try {
            JsonNode error = GeminiJson.read(content);
            String code = error.path("error").asString("");
            String description = error.path("error_description").asString("");
            if (!code.isEmpty()) {
                return description.isEmpty() ? code : code + " (" + description + ")";
            }
        } catch (JacksonException e) {
            // not OAuth's JSON: its text is used below
        }
        return content.length() > 300 ? content.substring(0, 300) : content;
    }

    private static final class MisconfiguredCredential extends IOException {
        MisconfiguredCredential(Exception cause) {
            super(cause);
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
