package io.tollgate.model.app;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Apps across all tenants: for platform administrators and the gateway's snapshot, never for tenant input. */
public interface AppAdminQueries extends Repository<App, UUID> {

    Optional<App> findById(UUID id);

    List<App> findAllByStatus(AppStatus status);
}
