package io.tollgate.gateway.auth;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.GatewayPolicy;
import io.tollgate.gateway.pipeline.PolicyOrder;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.model.apikey.ApiKeyHasher;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds the caller: the key's prefix selects a snapshot entry, the HMAC of the whole key is compared in constant
 * time, then revocation, expiry, the app and the tenant are checked, each refusal saying which.
 */
@Component
public class ApiKeyPolicy implements GatewayPolicy {

    private final ApiKeyHasher hasher;

    public ApiKeyPolicy(ApiKeyHasher hasher) {
        this.hasher = hasher;
    }

    @Override
    public Mono<Rejection> apply(RequestContext context) {
        var authentication = authenticate(context.presentedKey(), context.snapshot(), context.receivedAt());
        if (authentication.caller() != null) {
            context.caller(authentication.caller());
            return Mono.empty();
        }
        return Mono.justOrEmpty(authentication.rejection());
    }

    /** Authenticates the presented key; used by the policy and by the models endpoints. */
    public Authentication authenticate(@Nullable String presentedKey, ConfigSnapshot snapshot, Instant now) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Authentication.refused(Rejection.unauthenticated("missing_api_key",
                    "You didn't provide an API key. Send it as 'Authorization: Bearer tg_...' or in 'x-api-key'."));
        }
        var entry = ApiKeyHasher.prefixOf(presentedKey).flatMap(snapshot::keyByPrefix)
                .filter(key -> hasher.verify(presentedKey, key.secretHash()));
        if (entry.isEmpty()) {
            return Authentication.refused(Rejection.unauthenticated("invalid_api_key", "Incorrect API key provided."));
        }
        var key = entry.get();
        if (key.revoked()) {
            return Authentication.refused(Rejection.unauthenticated("api_key_revoked", "This API key has been revoked."));
        }
        if (key.expiredAt(now)) {
            return Authentication.refused(Rejection.unauthenticated("api_key_expired", "This API key has expired."));
        }
        var app = snapshot.app(key.appId()).filter(a -> a.tenantId().equals(key.tenantId()));
        var tenant = snapshot.tenant(key.tenantId());
        if (app.isEmpty() || tenant.isEmpty()) {
            return Authentication.refused(Rejection.unauthenticated("invalid_api_key", "Incorrect API key provided."));
        }
        if (tenant.get().suspended()) {
            return Authentication.refused(Rejection.unauthenticated("tenant_suspended",
                    "The organization of this API key is suspended."));
        }
        if (!app.get().active()) {
            return Authentication.refused(Rejection.unauthenticated("app_archived",
                    "The app of this API key is archived."));
        }
        return Authentication.of(new RequestContext.Caller(key, app.get(), tenant.get()));
    }

    /** The key from {@code Authorization: Bearer ...}, else from {@code x-api-key}. */
    public static @Nullable String presentedKey(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String apiKey = headers.getFirst("x-api-key");
        return apiKey == null ? null : apiKey.strip();
    }

    @Override
    public int getOrder() {
        return PolicyOrder.AUTH;
    }

    @Override
    public String toString() {
        return "ApiKeyPolicy[" + PolicyOrder.AUTH + "]";
    }
}
