package io.tollgate.model.catalog;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The catalog's models: platform-owned rows, no tenant filter; only platform administrators' services use it. */
@NullMarked
public interface ModelRepository extends Repository<Model, UUID> {

    /** Written at once, so the version an answer shows is the one stored. */
    <S extends Model> S saveAndFlush(S model);

    /**
     * Writes the changes of the models this transaction loaded, with the prices added to them, so the version an
     * answer shows is the one stored ({@code saveAndFlush} would merge a loaded model, and look its new prices up).
     */
    void flush();

    Optional<Model> findById(UUID id);

    /** Locked until the transaction ends, for a change that applies whatever else changed meanwhile. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Model m where m.id = :id")
    Optional<Model> findByIdForUpdate(UUID id);

    /** By name regardless of case. */
    @Query("select m from Model m order by lower(m.name)")
    List<Model> findAllForListing();

    boolean existsById(UUID id);

    boolean existsByName(String name);

    boolean existsByNameAndIdNot(String name, UUID id);
}
