package io.tollgate.billing.chargeback;

import io.tollgate.billing.error.BillingException;
import io.tollgate.billing.markup.Markups;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Chargebacks from usage_daily; every query is scoped by the tenant id the caller was allowed to see. */
@Service
public class Chargebacks {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final Markups markups;

    Chargebacks(JdbcClient jdbc, Markups markups) {
        this.jdbc = jdbc;
        this.markups = markups;
    }

    public Chargeback of(UUID tenantId, LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            throw BillingException.invalid("'to' must be after 'from' (the period is [from, to))");
        }
        String slug = jdbc.sql("select slug from tenants where id = :tenant").param("tenant", tenantId)
                .query(String.class).optional().orElseThrow(() -> BillingException.notFound("Tenant " + tenantId));
        BigDecimal markup = markups.of(tenantId).effectivePercent();
        BigDecimal factor = BigDecimal.ONE.add(markup.divide(HUNDRED));
        List<Chargeback.Line> lines = jdbc.sql("""
                        select d.app_id, coalesce(a.name, d.app_id::text) as app_name, d.model, d.tags,
                               sum(d.requests) as requests, sum(d.error_count) as errors,
                               sum(d.prompt_tokens) as prompt_tokens, sum(d.completion_tokens) as completion_tokens,
                               sum(d.cached_tokens) as cached_tokens, sum(d.reasoning_tokens) as reasoning_tokens,
                               sum(d.cost_usd) as cost
                        from usage_daily d left join apps a on a.tenant_id = d.tenant_id and a.id = d.app_id
                        where d.tenant_id = :tenant and d.day >= :from and d.day < :to
                        group by d.app_id, a.name, d.model, d.tags
                        order by app_name, d.model, d.tags""")
                .param("tenant", tenantId).param("from", from).param("to", to)
                .query((rs, row) -> new Chargeback.Line(rs.getObject("app_id", UUID.class), rs.getString("app_name"),
                        rs.getString("model"), rs.getString("tags"), rs.getLong("requests"), rs.getLong("errors"),
                        rs.getLong("prompt_tokens"), rs.getLong("completion_tokens"), rs.getLong("cached_tokens"),
                        rs.getLong("reasoning_tokens"), rs.getBigDecimal("cost"),
                        rs.getBigDecimal("cost").multiply(factor)))
                .list();
        return new Chargeback(tenantId, slug, from, to, markup, lines, Chargeback.Totals.of(lines));
    }

    /** Tenants with usage in [from, to), for finance's all-tenant export. */
    public List<UUID> tenantsWithUsage(LocalDate from, LocalDate to) {
        return jdbc.sql("select distinct tenant_id from usage_daily where day >= :from and day < :to")
                .param("from", from).param("to", to).query(UUID.class).list();
    }
}
