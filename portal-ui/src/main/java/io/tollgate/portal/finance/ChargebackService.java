package io.tollgate.portal.finance;

import io.tollgate.model.account.Roles;
import io.tollgate.model.export.SpreadsheetCsv;
import io.tollgate.portal.common.PortalException;
import jakarta.annotation.security.RolesAllowed;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chargebacks across every tenant, from billing's daily rollups (usage_daily) with each tenant's markup applied the
 * way billing applies it: the tenant's own markup, else its plan's. Platform staff only.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Roles.PLATFORM_FINANCE, Roles.PLATFORM_ADMIN})
public class ChargebackService {

    private final JdbcClient jdbc;

    ChargebackService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ChargebackRow> report(ChargebackQuery query) {
        if (query.to().isBefore(query.from())) {
            throw new PortalException("The period ends before it starts");
        }
        String name = switch (query.by()) {
            case TENANT -> "t.name";
            case APP -> "t.name || ' / ' || coalesce(a.name, d.app_id::text)";
            case MODEL -> "d.model";
            case TAG -> "case when d.tags = '' then '(untagged)' else d.tags end";
        };
        return jdbc.sql("select " + name + """
                         as name, sum(d.requests) as requests, sum(d.prompt_tokens) as prompt_tokens,
                               sum(d.completion_tokens) as completion_tokens, sum(d.cost_usd) as metered,
                               sum(d.cost_usd * (1 + coalesce(t.markup_percent, p.markup_percent) / 100)) as charged
                        from usage_daily d
                        join tenants t on t.id = d.tenant_id
                        join plans p on p.id = t.plan_id
                        left join apps a on a.id = d.app_id and a.tenant_id = d.tenant_id
                        where d.day >= :from and d.day <= :to
                        group by 1 order by charged desc, name""")
                .param("from", query.from()).param("to", query.to())
                .query((rs, n) -> new ChargebackRow(rs.getString("name"), rs.getLong("requests"),
                        rs.getLong("prompt_tokens"), rs.getLong("completion_tokens"), rs.getBigDecimal("metered"),
                        rs.getBigDecimal("charged")))
                .list();
    }

    public static ChargebackRow total(List<ChargebackRow> rows) {
        return new ChargebackRow("Total", rows.stream().mapToLong(ChargebackRow::requests).sum(),
                rows.stream().mapToLong(ChargebackRow::promptTokens).sum(),
                rows.stream().mapToLong(ChargebackRow::completionTokens).sum(),
                rows.stream().map(ChargebackRow::meteredUsd).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().map(ChargebackRow::chargedUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The report as CSV, amounts exact so a spreadsheet's sums match the invoices. */
    public void exportCsv(ChargebackQuery query, Writer out) {
        SpreadsheetCsv csv = SpreadsheetCsv.to(out).row(query.by().label().toLowerCase(), "requests", "prompt_tokens", "completion_tokens",
                "metered_usd", "charged_usd", "from", "to");
        for (ChargebackRow row : report(query)) {
            csv.row(row.name(), row.requests(), row.promptTokens(), row.completionTokens(),
                    exact(row.meteredUsd()), exact(row.chargedUsd()), query.from(), query.to());
        }
        csv.flush();
    }

    private static BigDecimal exact(BigDecimal amount) {
        return amount.stripTrailingZeros();
    }
}
