package io.tollgate.model.account;

import io.tollgate.model.TenantScopedRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface InvitationRepository extends TenantScopedRepository<Invitation, UUID> {

    List<Invitation> findAllByTenantIdOrderByCreatedAtDesc(UUID tenantId);

    /** For the accept link: holding the token is what entitles the caller to the invitation. */
    Optional<Invitation> findByTokenHash(byte[] tokenHash);
}
