package io.tollgate.billing.markup;

import io.tollgate.billing.error.BillingException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The markup or discount of each plan, and a tenant's own that overrides it. Chargebacks apply the effective one
 * as they are read; an invoice records the one in force when it was built, so a change never alters a finalized
 * invoice. Every change is written to the audit log with who made it.
 */
@Service
public class Markups {

    private static final BigDecimal LOWEST = BigDecimal.valueOf(-100);
    private static final BigDecimal HIGHEST = BigDecimal.valueOf(1000);

    private final JdbcClient jdbc;

    Markups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Actor(UUID userId, String email) {
    }

    public Markup of(UUID tenantId) {
        return find(tenantId).orElseThrow(() -> BillingException.notFound("Tenant " + tenantId));
    }

    @Transactional
    public Markup setForTenant(UUID tenantId, @Nullable BigDecimal percent, Actor actor) {
        Markup before = find(tenantId).orElseThrow(() -> BillingException.notFound("Tenant " + tenantId));
        if (percent != null) {
            validate(percent);
        }
        jdbc.sql("""
                        update tenants set markup_percent = :percent, updated_at = now(), version = version + 1
                        where id = :tenant""")
                .param("percent", percent, java.sql.Types.NUMERIC).param("tenant", tenantId).update();
        audit(actor, tenantId, "tenant.markup.update", "tenant", tenantId, before.tenantPercent(), percent);
        return of(tenantId);
    }

    @Transactional
    public BigDecimal setForPlan(UUID planId, BigDecimal percent, Actor actor) {
        validate(percent);
        BigDecimal before = jdbc.sql("select markup_percent from plans where id = :plan for update")
                .param("plan", planId).query(BigDecimal.class).optional()
                .orElseThrow(() -> BillingException.notFound("Plan " + planId));
        jdbc.sql("update plans set markup_percent = :percent, updated_at = now(), version = version + 1 where id = :plan")
                .param("percent", percent).param("plan", planId).update();
        audit(actor, null, "plan.markup.update", "plan", planId, before, percent);
        return percent;
    }

    private Optional<Markup> find(UUID tenantId) {
        return jdbc.sql("""
                        select t.id, t.plan_id, p.markup_percent as plan_percent, t.markup_percent as tenant_percent
                        from tenants t join plans p on p.id = t.plan_id where t.id = :tenant""")
                .param("tenant", tenantId)
                .query((rs, row) -> new Markup(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getBigDecimal("plan_percent"), rs.getBigDecimal("tenant_percent")))
                .optional();
    }

    private static void validate(BigDecimal percent) {
        if (percent.compareTo(LOWEST) <= 0 || percent.compareTo(HIGHEST) > 0) {
            throw BillingException.invalid("'markupPercent' must be above -100 and at most 1000");
        }
        if (percent.stripTrailingZeros().scale() > 4) {
            throw BillingException.invalid("'markupPercent' has at most 4 decimal places");
        }
    }

    private void audit(Actor actor, @Nullable UUID tenantId, String action, String targetType, UUID targetId,
                       @Nullable BigDecimal before, @Nullable BigDecimal after) {
        jdbc.sql("""
                        insert into audit_log (actor_user_id, actor_email, tenant_id, action, target_type, target_id,
                                               details)
                        values (:user, :email, :tenant, :action, :type, :target,
                                jsonb_build_object('before', :before::text, 'after', :after::text))""")
                .param("user", actor.userId()).param("email", actor.email())
                .param("tenant", tenantId, java.sql.Types.OTHER).param("action", action).param("type", targetType)
                .param("target", targetId.toString())
                .param("before", before == null ? null : before.toPlainString(), java.sql.Types.VARCHAR)
                .param("after", after == null ? null : after.toPlainString(), java.sql.Types.VARCHAR)
                .update();
    }
}
