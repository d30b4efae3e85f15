package io.tollgate.portal.api.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.apikeys.ApiKeyService;
import io.tollgate.portal.apikeys.ApiKeySummary;
import io.tollgate.portal.apikeys.CreatedKey;
import io.tollgate.portal.apps.AppService;
import io.tollgate.portal.common.PortalException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API keys of the tenant's apps, through {@link ApiKeyService} as on the keys screen. The key is returned once. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "API keys", description = "Gateway keys of an app (tenant ADMIN and DEVELOPER)")
class ApiKeysApi {

    static final Duration LONGEST_GRACE = Duration.ofDays(30);

    record ApiKey(UUID id, String name, String prefix, String status, Instant createdAt, @Nullable Instant lastUsedAt,
                  @Nullable Instant expiresAt) {

        static ApiKey of(ApiKeySummary key) {
            return new ApiKey(key.id(), key.name(), key.prefix(), key.status(), key.createdAt(), key.lastUsedAt(),
                    key.expiresAt());
        }
    }

    /** The only answer that holds the key itself; Tollgate keeps a hash. */
    record NewApiKey(UUID id, String prefix, String key) {

        static NewApiKey of(CreatedKey created) {
            return new NewApiKey(created.id(), created.prefix(), created.plaintext());
        }

        @Override
        public String toString() {
            return "NewApiKey[id=" + id + ", prefix=" + prefix + ", key=<redacted>]";
        }
    }

    record KeyRequest(String name, @Nullable Instant expiresAt) {
    }

    /** How long the old key keeps working, in seconds (0 to 30 days). */
    record RotateRequest(long graceSeconds) {
    }

    private final ApiKeyService keys;
    private final AppService apps;

    ApiKeysApi(ApiKeyService keys, AppService apps) {
        this.keys = keys;
        this.apps = apps;
    }

    @GetMapping("/apps/{appId}/keys")
    CursorPage<ApiKey> list(@PathVariable UUID appId, @RequestParam(required = false) @Nullable String cursor,
                            @RequestParam(required = false) @Nullable Integer limit) {
        var all = keys.list(appId).stream().map(ApiKey::of).toList();
        if (all.isEmpty() && apps.find(appId).isEmpty()) {
            throw PortalException.notFound("App");
        }
        return CursorPage.of(all, ApiKey::id, cursor, limit);
    }

    @PostMapping("/apps/{appId}/keys")
    ResponseEntity<NewApiKey> create(@PathVariable UUID appId, @RequestBody KeyRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw new PortalException("Name the key");
        }
        NewApiKey key = NewApiKey.of(keys.create(appId, request.name(), request.expiresAt()));
        return ResponseEntity.created(URI.create("/api/v1/keys/" + key.id())).body(key);
    }

    /** A new key for the same app; the old one keeps working for the grace period, then expires. */
    @PostMapping("/keys/{keyId}/rotate")
    ResponseEntity<NewApiKey> rotate(@PathVariable UUID keyId, @RequestBody RotateRequest request) {
        Duration grace = Duration.ofSeconds(request.graceSeconds());
        if (grace.isNegative() || grace.compareTo(LONGEST_GRACE) > 0) {
            throw new PortalException("The grace period is 0 to " + LONGEST_GRACE.toSeconds() + " seconds");
        }
        NewApiKey key = NewApiKey.of(keys.rotate(keyId, grace));
        return ResponseEntity.created(URI.create("/api/v1/keys/" + key.id())).body(key);
    }

    /** Revokes the key; the gateway refuses it within a second. */
    @DeleteMapping("/keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID keyId) {
        keys.revoke(keyId);
    }
}
