package io.tollgate.portal.apps;

import io.tollgate.model.account.Roles;
import io.tollgate.model.app.App;
import io.tollgate.model.app.AppRepository;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's apps, for the Apps screen and the management API alike. The repository sees only the signed-in user's
 * (or the access token's) tenant: Hibernate's tenant discriminator scopes every read, by id too.
 */
@Service
@Transactional
public class AppService {

    private final AppRepository apps;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    AppService(AppRepository apps, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.apps = apps;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
    @Transactional(readOnly = true)
    public List<AppSummary> list() {
        return apps.findAllForListing().stream().map(AppService::summary).toList();
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
    @Transactional(readOnly = true)
    public Optional<AppSummary> find(UUID appId) {
        return apps.findById(appId).map(AppService::summary);
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER})
    public UUID create(AppDraft draft) {
        String name = draft.name().trim();
        if (apps.existsByName(name)) {
            throw taken(name);
        }
        App app = apps.save(new App(name, draft.description().trim(), clock.instant()));
        audit.record(currentUser.tenantId(), "app.create", "app", app.getId(), Map.of("name", name));
        return app.getId();
    }

    /** Changes the app as it was at {@code expectedVersion}; a change made meanwhile refuses this one. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER})
    public void update(UUID appId, long expectedVersion, AppDraft draft) {
        String name = draft.name().trim();
        if (apps.existsByNameAndIdNot(name, appId)) {
            throw taken(name);
        }
        App app = atVersion(apps.findById(appId).orElseThrow(() -> PortalException.notFound("App")), expectedVersion);
        app.describe(name, draft.description().trim(), clock.instant());
        audit.record(currentUser.tenantId(), "app.update", "app", appId, Map.of("name", name));
    }

    /**
     * Response caching is the tenant admin's decision: cached answers are shared by everyone calling the app. Changes
     * the active app as it was at {@code expectedVersion}; a change made meanwhile refuses this one.
     */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public void changeCache(UUID appId, long expectedVersion, AppCacheSettings cache) {
        App app = atVersion(activeApp(appId), expectedVersion);
        app.changeCache(cache.enabled(), cache.nondeterministic(), clock.instant());
        audit.record(currentUser.tenantId(), "app.cache", "app", appId,
                Map.of("enabled", cache.enabled(), "nondeterministic", cache.nondeterministic()));
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER})
    public void archive(UUID appId) {
        activeApp(appId).archive(clock.instant());
        audit.record(currentUser.tenantId(), "app.archive", "app", appId, Map.of());
    }

    private App activeApp(UUID appId) {
        return apps.findById(appId).filter(App::isActive).orElseThrow(() -> PortalException.notFound("Active app"));
    }

    private static App atVersion(App app, long expectedVersion) {
        if (app.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("App " + app.getId() + " changed since version " + expectedVersion);
        }
        return app;
    }

    private static PortalException taken(String name) {
        return PortalException.conflict("An app named '" + name + "' already exists");
    }

    private static AppSummary summary(App app) {
        return new AppSummary(app.getId(), app.getName(), app.getDescription(), app.getStatus().name(),
                app.getCreatedAt(), new AppCacheSettings(app.isCacheEnabled(), app.isCacheNondeterministic()),
                app.getVersion());
    }
}
