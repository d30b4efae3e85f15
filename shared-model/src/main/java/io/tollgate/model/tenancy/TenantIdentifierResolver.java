package io.tollgate.model.tenancy;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives every Hibernate session the tenant of the request that opens it (a transaction opens one). Hibernate asks
 * once per session, so the tenant holds for the whole transaction.
 *
 * <p>A session opened where nobody acts for a tenant (a scheduled job, a sign-in, a platform administrator's screen)
 * gets {@link #NO_TENANT}: it sees no tenant-owned entity and cannot write one. Inside {@link PlatformScope} it is
 * the root tenant, which sees every tenant's rows. Hibernate refuses to open a session
 * without any tenant once an entity has a {@code @TenantId}, so this fail-closed value is what lets the platform's
 * other transactions (billing's jobs, SQL-only services) run at all.
 */
@Component
class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID>, HibernatePropertiesCustomizer {

    /** The nil UUID: no tenant has it, so it matches no row. */
    static final UUID NO_TENANT = new UUID(0, 0);

    private final ObjectProvider<ActingTenant> actingTenant;

    TenantIdentifierResolver(ObjectProvider<ActingTenant> actingTenant) {
        this.actingTenant = actingTenant;
    }

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        if (PlatformScope.isActive()) {
            return PlatformScope.PLATFORM;
        }
        return Optional.ofNullable(actingTenant.getIfUnique()).flatMap(ActingTenant::current).orElse(NO_TENANT);
    }

    @Override
    public boolean isRoot(UUID tenantId) {
        return PlatformScope.PLATFORM.equals(tenantId);
    }

    /** Spring binds a session to each transaction; Hibernate's "current session" is never used. */
    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, this);
    }
}
