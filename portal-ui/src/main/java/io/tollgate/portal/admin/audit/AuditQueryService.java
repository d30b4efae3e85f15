package io.tollgate.portal.admin.audit;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.Sql;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log for platform administrators, filtered by free text over actor, tenant, action and target. */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AuditQueryService {

    public record Entry(Instant at, String actor, String tenant, String action, String target, String details,
                        String address) {
    }

    private final JdbcClient jdbc;

    AuditQueryService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Narrows a page of the log; every field is optional. */
    public record Filter(@Nullable UUID tenantId, @Nullable String action, @Nullable String actor,
                         @Nullable Instant from, @Nullable Instant to) {
    }

    public record Record(long id, Instant at, @Nullable UUID actorUserId, @Nullable String actor,
                         @Nullable UUID actorTokenId, @Nullable UUID tenantId, String action, String targetType,
                         @Nullable String targetId, String details, @Nullable String address) {
    }

    /** Newest first, entries older than {@code beforeId} (the last of the previous page; null for the first). */
    public List<Record> page(Filter filter, @Nullable Long beforeId, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor_user_id, actor_email, actor_token_id, tenant_id, action,
                               target_type, target_id, details::text details, ip_address
                        from audit_log
                        where (cast(:tenant as uuid) is null or tenant_id = :tenant)
                          and (cast(:action as text) is null or action = :action)
                          and (cast(:actor as text) is null or actor_email = :actor)
                          and (cast(:from as timestamptz) is null or occurred_at >= :from)
                          and (cast(:to as timestamptz) is null or occurred_at < :to)
                          and (cast(:before as bigint) is null or id < :before)
                        order by id desc limit :limit""")
                .param("tenant", filter.tenantId())
                .param("action", filter.action())
                .param("actor", filter.actor())
                .param("from", Sql.timestamp(filter.from()))
                .param("to", Sql.timestamp(filter.to()))
                .param("before", beforeId)
                .param("limit", limit)
                .query((rs, n) -> new Record(rs.getLong("id"), Sql.instant(rs, "occurred_at"),
                        rs.getObject("actor_user_id", UUID.class), rs.getString("actor_email"),
                        rs.getObject("actor_token_id", UUID.class), rs.getObject("tenant_id", UUID.class),
                        rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                        rs.getString("details"), rs.getString("ip_address")))
                .list();
    }

    public List<Entry> latest(String search) {
        return jdbc.sql("""
                        select l.occurred_at, coalesce(l.actor_email, 'system') actor, coalesce(t.name, '—') tenant,
                               l.action, l.target_type || coalesce(' ' || l.target_id, '') target,
                               l.details::text details, coalesce(l.ip_address, '') address
                        from audit_log l left join tenants t on t.id = l.tenant_id
                        where ? = '' or concat_ws(' ', l.actor_email, t.name, l.action, l.target_type, l.target_id,
                                                  l.ip_address) ilike '%' || ? || '%'
                        order by l.occurred_at desc, l.id desc limit 500""")
                .params(search.trim(), search.trim())
                .query((rs, n) -> new Entry(Sql.instant(rs, "occurred_at"), rs.getString("actor"),
                        rs.getString("tenant"), rs.getString("action"), rs.getString("target"),
                        rs.getString("details"), rs.getString("address")))
                .list();
    }
}
