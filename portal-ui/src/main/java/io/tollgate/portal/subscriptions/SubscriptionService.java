package io.tollgate.portal.subscriptions;

import io.tollgate.model.account.Roles;
import io.tollgate.model.app.App;
import io.tollgate.model.app.AppRepository;
import io.tollgate.model.subscription.Subscription;
import io.tollgate.model.subscription.SubscriptionRepository;
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

/**
 * A tenant's model subscriptions: request one for an app (through the tenant-scoped repository), and follow its
 * status (a listing joined with app and model names, in SQL).
 */
@Service
@Transactional
public class SubscriptionService {

    private static final List<SubscriptionStatus> LIVE = List.of(SubscriptionStatus.PENDING, SubscriptionStatus.APPROVED);

    private final SubscriptionRepository subscriptions;
    private final AppRepository apps;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    SubscriptionService(SubscriptionRepository subscriptions, AppRepository apps, JdbcClient jdbc,
                        CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.subscriptions = subscriptions;
        this.apps = apps;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Models that need no approval are approved at once; the others wait for a platform administrator. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER})
    public SubscriptionSummary request(UUID appId, UUID modelId, String justification) {
        apps.findById(appId).filter(App::isActive).orElseThrow(() -> PortalException.notFound("Active app"));
        // the catalog is the platform's, not the tenant's: read as the set-based SQL reads it
        Boolean requiresApproval = jdbc.sql("select requires_approval from models where id = ? and status = 'ACTIVE'")
                .param(modelId).query(Boolean.class).optional()
                .orElseThrow(() -> PortalException.notFound("Model"));
        if (subscriptions.existsByAppIdAndModelIdAndStatusIn(appId, modelId, LIVE)) {
            throw PortalException.conflict("This app already has a pending or approved subscription to this model");
        }
        Subscription subscription = subscriptions.saveAndFlush(Subscription.request(appId, modelId,
                justification.trim(), currentUser.require().userId(), requiresApproval, clock.instant()));
        audit.record(currentUser.tenantId(), "subscription.request", "subscription", subscription.getId(),
                Map.of("app", appId, "model", modelId, "status", subscription.getStatus()));
        return find(subscription.getId()).orElseThrow();
    }

    /**
     * The tenant ends a subscription: a pending request is withdrawn (REJECTED), approved access given up (REVOKED),
     * each with a reason saying the tenant did it.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER})
    public void cancel(UUID subscriptionId) {
        Subscription subscription = subscriptions.findByIdForUpdate(subscriptionId)
                .orElseThrow(() -> PortalException.notFound("Subscription"));
        if (!subscription.getStatus().isLive()) {
            throw PortalException.conflict("A " + subscription.getStatus() + " subscription has ended already");
        }
        subscription.cancelByTenant(clock.instant());
        audit.record(currentUser.tenantId(), "subscription.cancel", "subscription", subscriptionId,
                Map.of("status", subscription.getStatus()));
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
