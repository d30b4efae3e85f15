package io.tollgate.portal.api.platform;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.admin.tenants.TenantAdminService;
import io.tollgate.portal.admin.tenants.TenantAdminService.TenantRow;
import io.tollgate.portal.admin.tenants.TenantAdminService.VersionedCeilings;
import io.tollgate.portal.admin.tenants.TenantCeilings;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.api.Versions;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.tokens.AccessTokenDraft;
import io.tollgate.portal.tokens.AccessTokenService;
import io.tollgate.portal.tokens.CreatedAccessToken;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tenants, through {@link TenantAdminService} as on the Tenants screen (platform ADMIN). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tenants", description = "Create, list, suspend and resume tenants; their plan and ceilings; give a tenant a "
        + "service token (platform ADMIN)")
class TenantsApi {

    /** Spend this month in USD as an exact decimal string. */
    record Tenant(UUID id, String name, String slug, UUID planId, String planName, String status, long members,
                  long apps, String spendThisMonthUsd, Instant createdAt) {

        static Tenant of(TenantRow t) {
            return new Tenant(t.id(), t.name(), t.slug(), t.planId(), t.planName(), t.status(), t.members(), t.apps(),
                    t.spendThisMonth().toPlainString(), t.createdAt());
        }
    }

    record TenantRequest(String name, String slug, UUID planId) {
    }

    record PlanChange(UUID planId) {
    }

    /**
     * Limits on the sum of all the tenant's apps, on top of each app's plan limits; an absent (null) one is no ceiling.
     * version is the ETag's number (the tenant's version).
     */
    record Ceilings(@Nullable Integer requestsPerMinute, @Nullable Integer requestsPerHour,
                    @Nullable Long tokensPerMinute, @Nullable Long tokensPerDay,
                    @Nullable Integer maxConcurrentRequests, long version) {

        static Ceilings of(VersionedCeilings versioned) {
            TenantCeilings c = versioned.ceilings();
            return new Ceilings(c.requestsPerMinute(), c.requestsPerHour(), c.tokensPerMinute(), c.tokensPerDay(),
                    c.maxConcurrentRequests(), versioned.version());
        }
    }

    /** The whole set: an absent ceiling is removed; all absent removes every ceiling. */
    record CeilingsRequest(@Nullable Integer requestsPerMinute, @Nullable Integer requestsPerHour,
                           @Nullable Long tokensPerMinute, @Nullable Long tokensPerDay,
                           @Nullable Integer maxConcurrentRequests) {

        TenantCeilings ceilings() {
            return new TenantCeilings(requestsPerMinute, requestsPerHour, tokensPerMinute, tokensPerDay,
                    maxConcurrentRequests);
        }
    }

    /** kind is SERVICE; role ADMIN, DEVELOPER or BILLING; expires within a year. */
    record TokenRequest(String name, String role, Instant expiresAt) {
    }

    /** The only answer that holds the token itself; Tollgate keeps a hash. */
    record NewToken(UUID id, String prefix, String token) {

        static NewToken of(CreatedAccessToken created) {
            return new NewToken(created.id(), created.prefix(), created.plaintext());
        }

        @Override
        public String toString() {
            return "NewToken[id=" + id + ", prefix=" + prefix + ", token=<redacted>]";
        }
    }

    private final TenantAdminService tenants;
    private final AccessTokenService tokens;

    TenantsApi(TenantAdminService tenants, AccessTokenService tokens) {
        this.tenants = tenants;
        this.tokens = tokens;
    }

    @GetMapping("/tenants")
    CursorPage<Tenant> list(@RequestParam(required = false) @Nullable String search,
                            @RequestParam(required = false) @Nullable String cursor,
                            @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(tenants.list(search == null ? "" : search).stream().map(Tenant::of).toList(),
                Tenant::id, cursor, limit);
    }

    @PostMapping("/tenants")
    ResponseEntity<Tenant> create(@RequestBody TenantRequest request) {
        if (request.planId() == null) {
            throw new PortalException("Name the tenant's plan (plan_id, see /api/v1/plans)");
        }
        Tenant tenant = read(tenants.create(request.name(), request.slug(), request.planId()));
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant.id())).body(tenant);
    }

    @GetMapping("/tenants/{tenantId}")
    Tenant get(@PathVariable UUID tenantId) {
        return read(tenantId);
    }

    /** Its keys are refused by the gateway; its members can still sign in. */
    @PostMapping("/tenants/{tenantId}/suspend")
    Tenant suspend(@PathVariable UUID tenantId) {
        tenants.setStatus(tenantId, true);
        return read(tenantId);
    }

    @PostMapping("/tenants/{tenantId}/resume")
    Tenant resume(@PathVariable UUID tenantId) {
        tenants.setStatus(tenantId, false);
        return read(tenantId);
    }

    /** The gateway applies the new plan's limits within a second. */
    @PutMapping("/tenants/{tenantId}/plan")
    Tenant changePlan(@PathVariable UUID tenantId, @RequestBody PlanChange request) {
        if (request.planId() == null) {
            throw new PortalException("Name the plan (plan_id, see /api/v1/plans)");
        }
        tenants.changePlan(tenantId, request.planId());
        return read(tenantId);
    }

    @GetMapping("/tenants/{tenantId}/ceilings")
    ResponseEntity<Ceilings> ceilings(@PathVariable UUID tenantId) {
        return readCeilings(tenantId);
    }

    /** The gateway applies them within a second. */
    @PutMapping("/tenants/{tenantId}/ceilings")
    ResponseEntity<Ceilings> changeCeilings(@PathVariable UUID tenantId,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                            @Nullable String ifMatch,
                                            @RequestBody CeilingsRequest request) {
        tenants.setCeilings(tenantId, Versions.ifMatch(ifMatch), request.ceilings());
        return readCeilings(tenantId);
    }

    private ResponseEntity<Ceilings> readCeilings(UUID tenantId) {
        Ceilings ceilings = tenants.ceilings(tenantId).map(Ceilings::of)
                .orElseThrow(() -> PortalException.notFound("Tenant"));
        return ResponseEntity.ok().eTag(Versions.etag(ceilings.version())).body(ceilings);
    }

    /** A service token for the tenant, to run it by script (e.g. right after creating it). */
    @PostMapping("/tenants/{tenantId}/tokens")
    ResponseEntity<NewToken> createToken(@PathVariable UUID tenantId, @RequestBody TokenRequest request) {
        NewToken token = NewToken.of(tokens.createForTenant(tenantId,
                new AccessTokenDraft("SERVICE", request.name(), request.role(), request.expiresAt())));
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/tokens/" + token.id())).body(token);
    }

    private Tenant read(UUID tenantId) {
        return tenants.find(tenantId).map(Tenant::of).orElseThrow(() -> PortalException.notFound("Tenant"));
    }
}
