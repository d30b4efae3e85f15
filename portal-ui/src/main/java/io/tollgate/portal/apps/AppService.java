package io.tollgate.portal.apps;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant's apps: every query is scoped by the signed-in user's tenant. */
@Service
@Transactional
public class AppService {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    AppService(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
    @Transactional(readOnly = true)
    public List<AppSummary> list() {
        return jdbc.sql("""
                        select id, name, description, status, created_at, cache_enabled, cache_nondeterministic, version
                        from apps where tenant_id = ? order by status, lower(name)""")
                .param(currentUser.tenantId())
                .query((rs, n) -> new AppSummary(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("description"), rs.getString("status"), Sql.instant(rs, "created_at"),
                        new AppCacheSettings(rs.getBoolean("cache_enabled"), rs.getBoolean("cache_nondeterministic")),
                        rs.getLong("version")))
                .list();
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
    @Transactional(readOnly = true)
    public Optional<AppSummary> find(UUID appId) {
        return list().stream().filter(app -> app.id().equals(appId)).findFirst();
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER})
    public UUID create(AppDraft draft) {
        UUID tenantId = currentUser.tenantId();
        requireFreeName(tenantId, draft.name(), null);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into apps (id, tenant_id, name, description) values (?, ?, ?, ?)")
                .params(id, tenantId, draft.name().trim(), draft.description().trim())
                .update();
        audit.record(tenantId, "app.create", "app", id, Map.of("name", draft.name().trim()));
        return id;
    }

    /** Changes the app as it was at {@code expectedVersion}; a change made meanwhile refuses this one. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER})
    public void update(UUID appId, long expectedVersion, AppDraft draft) {
        UUID tenantId = currentUser.tenantId();
        requireFreeName(tenantId, draft.name(), appId);
        int updated = jdbc.sql("""
                        update apps set name = ?, description = ?, updated_at = now(), version = version + 1
                        where id = ? and tenant_id = ? and version = ?""")
                .params(draft.name().trim(), draft.description().trim(), appId, tenantId, expectedVersion)
                .update();
        if (updated == 0) {
            find(appId).orElseThrow(() -> PortalException.notFound("App"));
            throw new OptimisticLockingFailureException("App " + appId + " changed since version " + expectedVersion);
        }
        audit.record(tenantId, "app.update", "app", appId, Map.of("name", draft.name().trim()));
    }

    /**
     * Response caching is the tenant admin's decision: cached answers are shared by everyone calling the app. Changes
     * the active app as it was at {@code expectedVersion}; a change made meanwhile refuses this one.
     */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public void changeCache(UUID appId, long expectedVersion, AppCacheSettings cache) {
        UUID tenantId = currentUser.tenantId();
        int updated = jdbc.sql("""
                        update apps set cache_enabled = ?, cache_nondeterministic = ?, updated_at = now(),
                                        version = version + 1
                        where id = ? and tenant_id = ? and status = 'ACTIVE' and version = ?""")
                .params(cache.enabled(), cache.nondeterministic(), appId, tenantId, expectedVersion)
                .update();
        if (updated == 0) {
            find(appId).filter(AppSummary::active).orElseThrow(() -> PortalException.notFound("Active app"));
            throw new OptimisticLockingFailureException("App " + appId + " changed since version " + expectedVersion);
        }
        audit.record(tenantId, "app.cache", "app", appId,
                Map.of("enabled", cache.enabled(), "nondeterministic", cache.nondeterministic()));
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER})
    public void archive(UUID appId) {
        UUID tenantId = currentUser.tenantId();
        int updated = jdbc.sql("""
                        update apps set status = 'ARCHIVED', updated_at = now(), version = version + 1
                        where id = ? and tenant_id = ? and status = 'ACTIVE'""")
                .params(appId, tenantId)
                .update();
        if (updated == 0) {
            throw PortalException.notFound("Active app");
        }
        audit.record(tenantId, "app.archive", "app", appId, Map.of());
    }

    private void requireFreeName(UUID tenantId, String name, UUID exceptAppId) {
        boolean taken = jdbc.sql("""
                        select exists(select 1 from apps where tenant_id = ? and name = ?
                                      and id is distinct from ?)""")
                .params(tenantId, name.trim(), exceptAppId)
                .query(Boolean.class).single();
        if (taken) {
            throw PortalException.conflict("An app named '" + name.trim() + "' already exists");
        }
    }
}
