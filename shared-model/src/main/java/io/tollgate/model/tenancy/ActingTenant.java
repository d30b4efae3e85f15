package io.tollgate.model.tenancy;

import java.util.Optional;
import java.util.UUID;

/**
 * The tenant the current request acts for, as the service that owns the request knows it (the portal: the signed-in
 * user's tenant, or the tenant of the management API's access token). Empty when nobody acts for a tenant.
 */
public interface ActingTenant {

    Optional<UUID> current();
}
