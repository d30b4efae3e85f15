package io.tollgate.portal.admin.tenants;

import io.tollgate.model.account.Roles;
import io.tollgate.model.account.Tenant;
import io.tollgate.model.account.TenantRepository;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Sql;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform view of all tenants: list, change plan, tenant-wide ceilings, suspend and resume. A tenant's row is the
 * platform's record of the tenant, not tenant-owned: its single-row changes go through the {@link Tenant} entity, open
 * to platform administrators only; the listing, joined with counts and spend, and the ceilings stay SQL.
 */
@Service
@Transactional
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantAdminService {

    public record TenantRow(UUID id, String name, String slug, UUID planId, String planName, String status,
                            long members, long apps, BigDecimal spendThisMonth, Instant createdAt) {
    }

    public record PlanChoice(UUID id, String name) {
    }

    public record VersionedCeilings(TenantCeilings ceilings, long version) {
    }

    private final TenantRepository tenants;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    TenantAdminService(TenantRepository tenants, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    private static final String SELECT = """
            select t.id, t.name, t.slug, t.plan_id, p.name plan_name, t.status, t.created_at,
                   (select count(*) from memberships m where m.tenant_id = t.id) members,
                   (select count(*) from apps a where a.tenant_id = t.id) apps,
                   (select coalesce(sum(e.cost_usd), 0) from usage_events e where e.tenant_id = t.id
                      and e.occurred_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC')
                      spend
            from tenants t join plans p on p.id = t.plan_id
            """;

    @Transactional(readOnly = true)
    public List<TenantRow> list(String search) {
        return jdbc.sql(SELECT + """
                        where ? = '' or t.name ilike '%' || ? || '%' or t.slug ilike '%' || ? || '%'
                        order by t.created_at desc limit 500""")
                .params(search.trim(), search.trim(), search.trim())
                .query(TenantAdminService::row)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<TenantRow> find(UUID tenantId) {
        return jdbc.sql(SELECT + " where t.id = ?").param(tenantId).query(TenantAdminService::row).optional();
    }

    private static TenantRow row(ResultSet rs, int rowNumber) throws SQLException {
        return new TenantRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"),
                rs.getObject("plan_id", UUID.class), rs.getString("plan_name"), rs.getString("status"),
                rs.getLong("members"), rs.getLong("apps"), rs.getBigDecimal("spend"), Sql.instant(rs, "created_at"));
    }

    /** A tenant with no members yet: its admins arrive by invitation, or it is run with a service token. */
    public UUID create(String name, String slug, UUID planId) {
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            throw new PortalException("Name the tenant (up to 200 characters)");
        }
        if (slug == null || !Tenant.isSlug(slug)) {
            throw new PortalException("A slug is 2-63 lower-case letters, digits or '-', starting with a letter or digit");
        }
        if (tenants.existsBySlug(slug)) {
            throw PortalException.conflict("The slug '" + slug + "' is taken");
        }
        if (!planExists(planId)) {
            throw PortalException.notFound("Plan");
        }
        UUID id = tenants.saveAndFlush(new Tenant(slug, name.trim(), planId, clock.instant())).getId();
        audit.record(id, "tenant.create", "tenant", id, Map.of("name", name.trim(), "slug", slug, "plan", planId));
        return id;
    }

    @Transactional(readOnly = true)
    public List<PlanChoice> plans() {
        return jdbc.sql("select id, name from plans order by requests_per_minute nulls last, name")
                .query((rs, n) -> new PlanChoice(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    public void changePlan(UUID tenantId, UUID planId) {
        Tenant tenant = tenants.findById(tenantId).filter(found -> planExists(planId))
                .orElseThrow(() -> PortalException.notFound("Tenant or plan"));
        tenant.changePlan(planId, clock.instant());
        tenants.saveAndFlush(tenant);
        audit.record(tenantId, "tenant.plan.change", "tenant", tenantId, Map.of("plan", planId));
    }

    /** The tenant's ceilings and its version, which a change names; empty for an unknown tenant. */
    @Transactional(readOnly = true)
    public Optional<VersionedCeilings> ceilings(UUID tenantId) {
        return jdbc.sql("""
                        select t.version, l.requests_per_minute, l.requests_per_hour, l.tokens_per_minute,
                               l.tokens_per_day, l.max_concurrent_requests
                        from tenants t left join tenant_limits l on l.tenant_id = t.id where t.id = ?""")
                .param(tenantId)
                .query((rs, n) -> new VersionedCeilings(new TenantCeilings(
                        rs.getObject("requests_per_minute", Integer.class),
                        rs.getObject("requests_per_hour", Integer.class), rs.getObject("tokens_per_minute", Long.class),
                        rs.getObject("tokens_per_day", Long.class), rs.getObject("max_concurrent_requests", Integer.class)),
                        rs.getLong("version")))
                .optional();
    }

    /**
     * The gateway applies them within a second (the table notifies it like every cached one). The version is the
     * tenant's: clearing the ceilings deletes their row, so the row's own version would start again from zero.
     */
    public void setCeilings(UUID tenantId, long expectedVersion, TenantCeilings ceilings) {
        if (!ceilings.allPositive()) {
            throw new PortalException("A ceiling is a number above zero; leave it empty for none");
        }
        int bumped = jdbc.sql("update tenants set updated_at = now(), version = version + 1 where id = ? and version = ?")
                .params(tenantId, expectedVersion).update();
        if (bumped == 0) {
            find(tenantId).orElseThrow(() -> PortalException.notFound("Tenant"));
            throw new OptimisticLockingFailureException("Tenant " + tenantId + " changed since version "
                    + expectedVersion);
        }
        if (ceilings.isNone()) {
            jdbc.sql("delete from tenant_limits where tenant_id = ?").param(tenantId).update();
        } else {
            jdbc.sql("""
                            insert into tenant_limits (tenant_id, requests_per_minute, requests_per_hour, tokens_per_minute,
                                                       tokens_per_day, max_concurrent_requests)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict (tenant_id) do update set requests_per_minute = excluded.requests_per_minute,
                                requests_per_hour = excluded.requests_per_hour, tokens_per_minute = excluded.tokens_per_minute,
                                tokens_per_day = excluded.tokens_per_day,
                                max_concurrent_requests = excluded.max_concurrent_requests,
                                updated_at = now(), version = tenant_limits.version + 1""")
                    .params(tenantId, ceilings.requestsPerMinute(), ceilings.requestsPerHour(),
                            ceilings.tokensPerMinute(), ceilings.tokensPerDay(), ceilings.maxConcurrentRequests())
                    .update();
        }
        audit.record(tenantId, "tenant.ceilings.change", "tenant", tenantId, Map.of("ceilings", ceilings.toString()));
    }

    public void setStatus(UUID tenantId, boolean suspended) {
        Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> PortalException.notFound("Tenant"));
        if (suspended) {
            tenant.suspend(clock.instant());
        } else {
            tenant.resume(clock.instant());
        }
        tenants.saveAndFlush(tenant);
        audit.record(tenantId, suspended ? "tenant.suspend" : "tenant.resume", "tenant", tenantId, Map.of());
    }

    private boolean planExists(UUID planId) {
        return jdbc.sql("select exists(select 1 from plans where id = ?)").param(planId).query(Boolean.class).single();
    }
}
