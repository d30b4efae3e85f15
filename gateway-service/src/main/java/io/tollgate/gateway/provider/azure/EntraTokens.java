package io.tollgate.gateway.provider.azure;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.snapshot.ProviderEntry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Microsoft Entra ID tokens for Azure OpenAI providers that authenticate as an app registration (OAuth client
 * credentials: {@code tenantId} and {@code clientId} in the settings, the client secret as the credential). A token
 * is fetched once per provider version, without blocking, and fetched again ahead of its expiry on a timer, so
 * requests only read the current one. A refused secret fails requests with a 502 carrying Entra's words once no
 * valid token is left, and is retried every {@link #RETRY}; a provider unused for {@link #IDLE} is forgotten.
 */
@Component
public class EntraTokens {

    static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com";
    static final String SCOPE = "https://cognitiveservices.azure.com/.default";
    static final Duration RETRY = Duration.ofSeconds(30);
    static final Duration IDLE = Duration.ofHours(1);
    static final Duration LEAD = Duration.ofMinutes(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final HttpClient http = HttpClient.create().responseTimeout(Duration.ofSeconds(10));
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    public EntraTokens(Clock clock) {
        this.clock = clock;
    }

    private record Token(String value, Instant expiresAt) {
    }

    private static final class Entry {
        final ProviderEntry provider;
        final Mono<String> first;
        volatile @Nullable Token current;
        volatile @Nullable Rejection failure;
        volatile Instant lastUsed;

        Entry(ProviderEntry provider, Mono<String> first, Instant now) {
            this.provider = provider;
            this.first = first;
            this.lastUsed = now;
        }
    }

    /** Whether the provider's settings ask for Entra ID rather than the resource's api-key. */
    static boolean wanted(ProviderEntry provider) {
        return provider.setting("tenantId").isPresent() && provider.setting("clientId").isPresent();
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
        Token token = entry.current;
        if (token != null && token.expiresAt().isAfter(now)) {
            return Mono.just(token.value());
        }
        Rejection failure = entry.failure;
        return failure != null ? Mono.error(failure.asException()) : entry.first;
    }

    private Entry start(ProviderEntry provider, Instant now) {
        var first = Sinks.<String>one();
        var entry = new Entry(provider, first.asMono(), now);
        refresh(entry, first);
        return entry;
    }

    private void refresh(Entry entry, Sinks.@Nullable One<String> first) {
        if (entries.get(entry.provider.id()) != entry && first == null) {
            return;
        }
        if (Duration.between(entry.lastUsed, clock.instant()).compareTo(IDLE) > 0) {
            entries.remove(entry.provider.id(), entry);
            return;
        }
        fetch(entry.provider).subscribe(token -> {
            entry.current = token;
            entry.failure = null;
            if (first != null) {
                first.tryEmitValue(token.value());
            }
            Duration lifetime = Duration.between(clock.instant(), token.expiresAt());
            Duration lead = lifetime.dividedBy(2).compareTo(LEAD) < 0 ? lifetime.dividedBy(2) : LEAD;
            later(entry, lifetime.minus(lead));
        }, error -> {
            Rejection failure = error instanceof RejectedException rejected
                    ? rejected.rejection()
                    : Rejection.upstream(502, "upstream_auth_unreachable",
                    "The provider's token endpoint could not be reached to authenticate the platform.");
            entry.failure = failure;
            if (first != null) {
                first.tryEmitError(failure.asException());
            }
            later(entry, RETRY);
        });
    }

    private void later(Entry entry, Duration delay) {
        Schedulers.parallel().schedule(() -> refresh(entry, null), Math.max(0, delay.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    private Mono<Token> fetch(ProviderEntry provider) {
        String authority = provider.setting("authorityUrl").orElse(DEFAULT_AUTHORITY);
        String url = (authority.endsWith("/") ? authority.substring(0, authority.length() - 1) : authority) + "/"
                + encoded(provider.setting("tenantId").orElseThrow()) + "/oauth2/v2.0/token";
        String form = "grant_type=client_credentials&client_id=" + encoded(provider.setting("clientId").orElseThrow())
                + "&client_secret=" + encoded(provider.credentialValue().orElse("")) + "&scope=" + encoded(SCOPE);
        Instant requested = clock.instant();
        return http.headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded"))
                .post().uri(url)
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(form.getBytes(StandardCharsets.UTF_8))))
                .responseSingle((response, body) -> body.asString().defaultIfEmpty("").map(text -> {
                    JsonNode json = parse(text);
                    if (response.status().code() != 200 || !json.path("access_token").isString()) {
                        throw UpstreamErrors.fromStatus(401, "Entra ID answered " + response.status().code() + ": "
                                + json.path("error").asString("no error code") + " ("
                                + json.path("error_description").asString("no description") + ")", null).asException();
                    }
                    return new Token(json.path("access_token").asString(),
                            requested.plusSeconds(json.path("expires_in").asLong(3600)));
                }));
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text.isBlank() ? "{}" : text);
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
