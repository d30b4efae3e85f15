package io.tollgate.model.app;

import io.tollgate.model.TenantScopedRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;

/** The session tenant's apps. */
public interface AppRepository extends TenantScopedRepository<App, UUID> {

    /** Active apps first, then by name regardless of case. */
    @Query("select a from App a order by a.status, lower(a.name)")
    List<App> findAllForListing();

    boolean existsByName(String name);

    boolean existsByNameAndIdNot(String name, UUID id);
}
