package io.tollgate.portal.subscriptions;

import io.tollgate.model.account.Roles;
import io.tollgate.model.subscription.SubscriptionStatus;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant's model subscriptions: request one for an app, and follow its status. */
@Service
@Transactional
public class SubscriptionService {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    SubscriptionService(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Models that need no approval are approved at once; the others wait for a platform administrator. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER})
    public SubscriptionSummary request(UUID appId, UUID modelId, String justification) {
        UUID tenantId = currentUser.tenantId();
        boolean appActive = jdbc.sql("select exists(select 1 from apps where id = ? and tenant_id = ? and status = 'ACTIVE')")
                .params(appId, tenantId).query(Boolean.class).single();
        if (!appActive) {
            throw PortalException.notFound("Active app");
        }
        Boolean requiresApproval = jdbc.sql("select requires_approval from models where id = ? and status = 'ACTIVE'")
                .param(modelId).query(Boolean.class).optional()
                .orElseThrow(() -> PortalException.notFound("Model"));
        boolean live = jdbc.sql("""
                        select exists(select 1 from subscriptions where app_id = ? and model_id = ?
                                      and status in ('PENDING', 'APPROVED'))""")
                .params(appId, modelId).query(Boolean.class).single();
        if (live) {
            throw PortalException.conflict("This app already has a pending or approved subscription to this model");
        }
        SubscriptionStatus status = requiresApproval ? SubscriptionStatus.PENDING
                : SubscriptionStatus.PENDING.moveTo(SubscriptionStatus.APPROVED);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into subscriptions (id, tenant_id, app_id, model_id, status, justification, decision_reason,
                                                   requested_by, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, appId, modelId, status.name(), justification.trim(),
                        requiresApproval ? null : "Approved automatically: the model needs no approval",
                        currentUser.require().userId(),
                        requiresApproval ? null : Sql.timestamp(clock.instant()))
                .update();
        audit.record(tenantId, "subscription.request", "subscription", id,
                Map.of("app", appId, "model", modelId, "status", status));
        return find(id).orElseThrow();
    }

    /**
     * The tenant ends a subscription: a pending request is withdrawn (REJECTED), approved access given up (REVOKED),
     * each with a reason saying the tenant did it.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER})
    public void cancel(UUID subscriptionId) {
        UUID tenantId = currentUser.tenantId();
        SubscriptionStatus status = jdbc.sql("select status from subscriptions where id = ? and tenant_id = ? for update")
                .params(subscriptionId, tenantId)
                .query((rs, n) -> SubscriptionStatus.valueOf(rs.getString("status")))
                .optional().orElseThrow(() -> PortalException.notFound("Subscription"));
        SubscriptionStatus next = switch (status) {
            case PENDING -> SubscriptionStatus.REJECTED;
            case APPROVED -> SubscriptionStatus.REVOKED;
            case REJECTED, REVOKED -> throw PortalException.conflict("A " + status + " subscription has ended already");
        };
        jdbc.sql("""
                        update subscriptions set status = ?, decision_reason = ?, decided_at = coalesce(decided_at, ?),
                            updated_at = now(), version = version + 1
                        where id = ?""")
                .params(status.moveTo(next).name(), status == SubscriptionStatus.PENDING ? "Withdrawn by the tenant"
                        : "Cancelled by the tenant", Sql.timestamp(clock.instant()), subscriptionId)
                .update();
        audit.record(tenantId, "subscription.cancel", "subscription", subscriptionId, Map.of("status", next));
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
    @Transactional(readOnly = true)
    public Optional<SubscriptionSummary> find(UUID subscriptionId) {
        return list().stream().filter(subscription -> subscription.id().equals(subscriptionId)).findFirst();
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
    @Transactional(readOnly = true)
    public List<SubscriptionSummary> list() {
        return jdbc.sql("""
                        select s.id, s.app_id, a.name app_name, s.model_id, m.name model_name, s.status,
                               s.justification, s.decision_reason, s.created_at, s.decided_at
                        from subscriptions s join apps a on a.id = s.app_id join models m on m.id = s.model_id
                        where s.tenant_id = ? order by s.created_at desc""")
                .param(currentUser.tenantId())
                .query((rs, n) -> new SubscriptionSummary(rs.getObject("id", UUID.class),
                        rs.getObject("app_id", UUID.class), rs.getString("app_name"),
                        rs.getObject("model_id", UUID.class), rs.getString("model_name"), rs.getString("status"),
                        rs.getString("justification"), rs.getString("decision_reason"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "decided_at")))
                .list();
    }
}
