package io.tollgate.portal.dashboard;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant dashboard's figures, read from the metered events of the signed-in user's tenant only. */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
public class DashboardService {

    public record Day(LocalDate day, long requests, long tokens) {
    }

    public record Top(String name, long requests, BigDecimal costUsd) {
    }

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    DashboardService(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** Requests and tokens per UTC day over the last {@code days} days, days without traffic included. */
    public List<Day> daily(int days) {
        return jdbc.sql("""
                        select d::date as day, count(e.id) as requests,
                               coalesce(sum(e.prompt_tokens + e.completion_tokens), 0) as tokens
                        from generate_series((now() at time zone 'UTC')::date - (? - 1), (now() at time zone 'UTC')::date,
                                             interval '1 day') d
                        left join usage_events e on e.tenant_id = ? and e.occurred_at >= d at time zone 'UTC'
                             and e.occurred_at < (d + interval '1 day') at time zone 'UTC'
                        group by d order by d""")
                .params(days, currentUser.tenantId())
                .query((rs, n) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("requests"),
                        rs.getLong("tokens")))
                .list();
    }

    public List<Top> topModels() {
        return top("coalesce(e.served_model, e.requested_model)", "");
    }

    public List<Top> topApps() {
        return top("coalesce(a.name, e.app_id::text)", "left join apps a on a.id = e.app_id and a.tenant_id = e.tenant_id");
    }

    public long pendingRequests() {
        return jdbc.sql("select count(*) from subscriptions where tenant_id = ? and status = 'PENDING'")
                .param(currentUser.tenantId()).query(Long.class).single();
    }

    private List<Top> top(String nameExpression, String join) {
        UUID tenantId = currentUser.tenantId();
        return jdbc.sql("select " + nameExpression + " name, count(*) requests, sum(e.cost_usd) cost from usage_events e "
                        + join + """
                         where e.tenant_id = ?
                          and e.occurred_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'
                        group by 1 order by cost desc, requests desc limit 5""")
                .param(tenantId)
                .query((rs, n) -> new Top(rs.getString("name"), rs.getLong("requests"), rs.getBigDecimal("cost")))
                .list();
    }
}
