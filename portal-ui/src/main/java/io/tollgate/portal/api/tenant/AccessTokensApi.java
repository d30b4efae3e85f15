package io.tollgate.portal.api.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.tokens.AccessTokenService;
import io.tollgate.portal.tokens.AccessTokenSummary;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's access tokens, through {@link AccessTokenService} as on the Access tokens page: list (never a
 * secret) and revoke, e.g. a leaked one by script. Tokens are made on the page.
 */
@RestController
@RequestMapping("/api/v1/access-tokens")
@Tag(name = "Access tokens", description = "The tenant's management API tokens: list and revoke (tenant ADMIN)")
class AccessTokensApi {

    record AccessToken(UUID id, String kind, String name, String role, String prefix, String status,
                       @Nullable String ownerEmail, Instant expiresAt, @Nullable Instant lastUsedAt,
                       Instant createdAt) {

        static AccessToken of(AccessTokenSummary t) {
            return new AccessToken(t.id(), t.kind(), t.name(), t.role(), t.prefix(), t.status(), t.ownerEmail(),
                    t.expiresAt(), t.lastUsedAt(), t.createdAt());
        }
    }

    private final AccessTokenService tokens;

    AccessTokensApi(AccessTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    CursorPage<AccessToken> list(@RequestParam(required = false) @Nullable String cursor,
                                 @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(tokens.listInTenant().stream().map(AccessToken::of).toList(), AccessToken::id, cursor,
                limit);
    }

    /** Refused from the next request on. */
    @DeleteMapping("/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID tokenId) {
        tokens.revokeInTenant(tokenId);
    }
}
