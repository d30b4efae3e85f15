package io.tollgate.model.tenancy;

import io.tollgate.model.app.App;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** A query that names a tenant outright, as a careless finder would: the session's tenant still decides. */
interface AppsByTenantColumn extends Repository<App, UUID> {

    List<App> findAllByTenantId(UUID tenantId);
}
