package io.tollgate.model.account;

import io.tollgate.model.TenantScopedRepository;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The session tenant's invitations. In the platform scope, where a link's holder accepts one, every tenant's: the
 * token's hash picks the invitation.
 */
public interface InvitationRepository extends TenantScopedRepository<Invitation, UUID> {

    /** Written at once, so a failing row stops the request before its e-mail goes out. */
    <S extends Invitation> S saveAndFlush(S invitation);

    /** Those not accepted yet, expired ones too (they can be resent), newest first. */
    @Query("select i from Invitation i where i.acceptedAt is null order by i.createdAt desc, i.id")
    List<Invitation> findAllNotAccepted();

    /** Not accepted yet, and locked until the transaction ends, so a resend and an acceptance cannot cross. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invitation i where i.id = :id and i.acceptedAt is null")
    Optional<Invitation> findNotAcceptedForUpdate(UUID id);

    /** The invitation behind a link, locked until the transaction ends, so it is accepted once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invitation i where i.tokenHash = :tokenHash")
    Optional<Invitation> findByTokenHashForUpdate(byte[] tokenHash);

    void delete(Invitation invitation);
}
