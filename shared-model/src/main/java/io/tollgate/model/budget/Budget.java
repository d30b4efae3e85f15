package io.tollgate.model.budget;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's spend cap for a period, on the whole tenant, one app or one app's use of one model; its rules are those
 * of {@link BudgetTerms}. The gateway adds up spend against it; billing sends its alerts. Its tenant is the session's
 * ({@link TenantId}).
 */
@Entity
@Table(name = "budgets")
public class Budget extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    @TenantId
    private UUID tenantId;
    @Enumerated(EnumType.STRING)
    private BudgetScope scope;
    private @Nullable UUID appId;
    private @Nullable UUID modelId;
    @Enumerated(EnumType.STRING)
    private BudgetPeriod period;
    private BigDecimal amountUsd;
    private Integer[] thresholds;
    @Enumerated(EnumType.STRING)
    private BudgetAction action;
    private @Nullable UUID downgradeModelId;
    /** Every budget the portal creates is enabled; the gateway skips disabled ones. */
    private boolean enabled = true;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Budget() {
    }

    public Budget(BudgetTerms terms, Instant at) {
        this.id = UUID.randomUUID();
        apply(terms);
        this.createdAt = stored(at);
        this.updatedAt = stored(at);
    }

    /**
     * A budget a platform administrator sets on a tenant's behalf (an approval's), made in the platform scope, where
     * the tenant is the one given here rather than the session's.
     */
    public Budget(UUID tenantId, BudgetTerms terms, Instant at) {
        this(terms, at);
        this.tenantId = tenantId;
    }

    /** New terms for this budget; its spend so far stays. */
    public void change(BudgetTerms terms, Instant at) {
        apply(terms);
        this.updatedAt = stored(at);
    }

    private void apply(BudgetTerms terms) {
        this.scope = terms.scope();
        this.appId = terms.appId();
        this.modelId = terms.modelId();
        this.period = terms.period();
        this.amountUsd = terms.amountUsd();
        this.thresholds = terms.thresholds().toArray(Integer[]::new);
        this.action = terms.action();
        this.downgradeModelId = terms.downgradeModelId();
    }

    public BudgetTerms getTerms() {
        return new BudgetTerms(scope, appId, modelId, period, amountUsd, List.of(thresholds), action,
                downgradeModelId);
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Budget[" + id + ", " + scope + ", " + period + "]";
    }
}
