package io.tollgate.model.catalog;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The upstream providers: platform-owned rows, no tenant filter; only platform administrators' services use it. */
@NullMarked
public interface ProviderRepository extends Repository<Provider, UUID> {

    /** Written at once, so the version an answer shows is the one stored. */
    <S extends Provider> S saveAndFlush(S provider);

    Optional<Provider> findById(UUID id);

    /** Locked until the transaction ends, so two edits of one provider cannot both pass their version check. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Provider p where p.id = :id")
    Optional<Provider> findByIdForUpdate(UUID id);

    /** By name regardless of case. */
    @Query("select p from Provider p order by lower(p.name)")
    List<Provider> findAllForListing();

    boolean existsById(UUID id);

    boolean existsByName(String name);

    boolean existsByNameAndIdNot(String name, UUID id);
}
