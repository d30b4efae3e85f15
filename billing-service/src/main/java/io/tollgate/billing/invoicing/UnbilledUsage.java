package io.tollgate.billing.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Usage of one app and model in one month that no live invoice has billed yet. */
record UnbilledUsage(LocalDate usageMonth, UUID appId, String appName, String model, long requests,
                     long promptTokens, long completionTokens, long cachedTokens, long reasoningTokens,
                     BigDecimal meteredCostUsd) {

    static final String FOR_TENANT = """
            with usage as (
                select date_trunc('month', d.day)::date as usage_month, d.app_id, d.model,
                       sum(d.requests) as requests, sum(d.prompt_tokens) as prompt_tokens,
                       sum(d.completion_tokens) as completion_tokens, sum(d.cached_tokens) as cached_tokens,
                       sum(d.reasoning_tokens) as reasoning_tokens, sum(d.cost_usd) as cost
                from usage_daily d where d.tenant_id = :tenant and d.day < :periodEnd
                group by 1, 2, 3
            ), billed as (
                select c.usage_month, c.app_id, c.model, sum(c.requests) as requests,
                       sum(c.prompt_tokens) as prompt_tokens, sum(c.completion_tokens) as completion_tokens,
                       sum(c.cached_tokens) as cached_tokens, sum(c.reasoning_tokens) as reasoning_tokens,
                       sum(c.metered_cost_usd) as cost
                from invoice_consumption c join invoices i on i.id = c.invoice_id
                where c.tenant_id = :tenant and i.status <> 'VOID' and c.usage_month < :periodEnd
                group by 1, 2, 3
            )
            select u.usage_month, u.app_id, coalesce(a.name, u.app_id::text) as app_name, u.model,
                   u.requests - coalesce(b.requests, 0) as requests,
                   u.prompt_tokens - coalesce(b.prompt_tokens, 0) as prompt_tokens,
                   u.completion_tokens - coalesce(b.completion_tokens, 0) as completion_tokens,
                   u.cached_tokens - coalesce(b.cached_tokens, 0) as cached_tokens,
                   u.reasoning_tokens - coalesce(b.reasoning_tokens, 0) as reasoning_tokens,
                   u.cost - coalesce(b.cost, 0) as metered_cost_usd
            from usage u
            left join billed b on b.usage_month = u.usage_month and b.app_id = u.app_id and b.model = u.model
            left join apps a on a.tenant_id = :tenant and a.id = u.app_id
            where u.requests <> coalesce(b.requests, 0) or u.cost <> coalesce(b.cost, 0)
               or u.prompt_tokens <> coalesce(b.prompt_tokens, 0) or u.completion_tokens <> coalesce(b.completion_tokens, 0)
            order by u.usage_month desc, app_name, u.model
            """;

    /** Tenants whose usage up to the period's end differs from what live invoices billed, or with a draft to redo. */
    static final String CANDIDATE_TENANTS = """
            select u.tenant_id
            from (select tenant_id, sum(requests) as requests, sum(cost_usd) as cost
                  from usage_daily where day < :periodEnd group by tenant_id) u
            left join (select c.tenant_id, sum(c.requests) as requests, sum(c.metered_cost_usd) as cost
                       from invoice_consumption c join invoices i on i.id = c.invoice_id
                       where i.status <> 'VOID' and c.usage_month < :periodEnd group by c.tenant_id) b
                   on b.tenant_id = u.tenant_id
            where u.requests <> coalesce(b.requests, 0) or u.cost <> coalesce(b.cost, 0)
            union
            select tenant_id from invoices where period_start = :periodStart and status = 'DRAFT'
            """;
}
