package io.tollgate.model.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Tenants themselves. A tenant reaches only its own row, by the id of the signed-in user's tenant;
 * listing and finding by slug are for platform administrators and sign-up.
 */
public interface TenantRepository extends JpaRepository<Tenant, UUID> {

    Optional<Tenant> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<Tenant> findAllByOrderByName();

    List<Tenant> findAllByStatusOrderByName(TenantStatus status);
}
