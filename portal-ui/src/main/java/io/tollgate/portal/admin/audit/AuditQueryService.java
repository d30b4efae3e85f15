package io.tollgate.portal.admin.audit;

import io.tollgate.portal.common.Sql;
import io.tollgate.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
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
