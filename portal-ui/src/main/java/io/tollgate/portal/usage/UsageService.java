package io.tollgate.portal.usage;

import io.tollgate.model.account.Roles;
import io.tollgate.model.export.SpreadsheetCsv;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Metered usage of the signed-in user's tenant: filtered rows, totals and a CSV export. */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
public class UsageService {

    static final int MAX_ROWS_SHOWN = 500;
    static final int MAX_ROWS_EXPORTED = 100_000;
    private static final String FROM_WHERE = """
             from usage_events e
             left join apps a on a.id = e.app_id and a.tenant_id = e.tenant_id
             left join api_keys k on k.id = e.api_key_id and k.tenant_id = e.tenant_id
             where e.tenant_id = :tenant and e.occurred_at >= :from and e.occurred_at < :to
               and (cast(:app as uuid) is null or e.app_id = :app)
               and (cast(:model as text) is null or coalesce(e.served_model, e.requested_model) = :model)
               and (cast(:key as uuid) is null or e.api_key_id = :key)
               and (cast(:tag as text) is null or (',' || e.tags || ',') like '%,' || :tag || ',%')
            """;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    UsageService(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    public List<UsageRow> rows(UsageFilter filter) {
        return query(filter, MAX_ROWS_SHOWN);
    }

    /** The tenant's keys, revoked ones included, since their past usage still counts. */
    public List<KeyOption> keys() {
        return jdbc.sql("""
                        select k.id, k.prefix || '… ' || k.name || ' (' || a.name || ')' as label
                        from api_keys k join apps a on a.id = k.app_id and a.tenant_id = k.tenant_id
                        where k.tenant_id = ? order by a.name, k.created_at desc""")
                .param(currentUser.tenantId())
                .query((rs, n) -> new KeyOption(rs.getObject("id", UUID.class), rs.getString("label")))
                .list();
    }

    public UsageTotals totals(UsageFilter filter) {
        return bind(jdbc.sql("select count(*) requests, coalesce(sum(e.prompt_tokens), 0) prompt, "
                        + "coalesce(sum(e.completion_tokens), 0) completion, coalesce(sum(e.cost_usd), 0) cost"
                        + FROM_WHERE), filter)
                .query((rs, n) -> new UsageTotals(rs.getLong("requests"), rs.getLong("prompt"),
                        rs.getLong("completion"), rs.getBigDecimal("cost")))
                .single();
    }

    /** Writes the filtered rows as CSV; cost stays exact (unrounded) so spreadsheets can sum it. */
    public void exportCsv(UsageFilter filter, Writer out) {
        SpreadsheetCsv csv = SpreadsheetCsv.to(out).row("occurred_at", "app", "key_prefix", "model", "prompt_tokens", "completion_tokens", "cost_usd",
                "status", "tags");
        for (UsageRow row : query(filter, MAX_ROWS_EXPORTED)) {
            csv.row(row.occurredAt(), row.app(), row.keyPrefix(), row.model(), row.promptTokens(),
                    row.completionTokens(), row.costUsd(), row.statusCode(), row.tags());
        }
        csv.flush();
    }

    /**
     * One page of the filtered usage events, newest first, after the event {@code after} (the last of the previous
     * page; null for the first page): keyset paging on (occurred_at, id), stable while new events arrive.
     */
    public List<UsageEventRow> page(UsageFilter filter, @Nullable UsagePosition after, int limit) {
        return bind(jdbc.sql("""
                        select e.id, e.occurred_at, e.app_id, coalesce(a.name, '') app, e.api_key_id,
                               coalesce(k.prefix, '') key_prefix, coalesce(e.served_model, e.requested_model) model,
                               e.prompt_tokens, e.completion_tokens, e.cost_usd, e.status_code, e.tags"""
                        + FROM_WHERE + """
                          and (cast(:afterAt as timestamptz) is null or (e.occurred_at, e.id) < (:afterAt, :afterId))
                        order by e.occurred_at desc, e.id desc limit :limit"""), filter)
                .param("afterAt", after == null ? null : Timestamp.from(after.occurredAt()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query((rs, n) -> new UsageEventRow(rs.getObject("id", UUID.class), Sql.instant(rs, "occurred_at"),
                        rs.getObject("app_id", UUID.class), rs.getString("app"), rs.getObject("api_key_id", UUID.class),
                        rs.getString("key_prefix"), rs.getString("model"), rs.getInt("prompt_tokens"),
                        rs.getInt("completion_tokens"), rs.getBigDecimal("cost_usd"), rs.getInt("status_code"),
                        rs.getString("tags")))
                .list();
    }

    private List<UsageRow> query(UsageFilter filter, int limit) {
        return bind(jdbc.sql("""
                        select e.occurred_at, coalesce(a.name, '') app, coalesce(k.prefix, '') key_prefix,
                               coalesce(e.served_model, e.requested_model) model, e.prompt_tokens,
                               e.completion_tokens, e.cost_usd, e.status_code, e.tags"""
                        + FROM_WHERE + " order by e.occurred_at desc limit " + limit), filter)
                .query((rs, n) -> new UsageRow(Sql.instant(rs, "occurred_at"), rs.getString("app"),
                        rs.getString("key_prefix"), rs.getString("model"), rs.getInt("prompt_tokens"),
                        rs.getInt("completion_tokens"), rs.getBigDecimal("cost_usd"), rs.getInt("status_code"),
                        rs.getString("tags")))
                .list();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, UsageFilter filter) {
        if (filter.to().isBefore(filter.from())) {
            throw new PortalException("The period ends before it starts");
        }
        UUID tenantId = currentUser.tenantId();
        return statement.param("tenant", tenantId)
                .param("from", Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("app", filter.appId())
                .param("model", blankToNull(filter.model()))
                .param("key", filter.apiKeyId())
                .param("tag", blankToNull(filter.tag()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
