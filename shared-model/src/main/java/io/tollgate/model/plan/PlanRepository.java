package io.tollgate.model.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The tiers: platform-owned rows, no tenant filter; only platform administrators' services use it. */
@NullMarked
public interface PlanRepository extends Repository<Plan, UUID> {

    /** Written at once, so the version an answer shows is the one stored. */
    <S extends Plan> S saveAndFlush(S plan);

    Optional<Plan> findById(UUID id);

    /** The most limited tier first (by requests per minute, unlimited last), then by code. */
    @Query("select p from Plan p order by p.requestsPerMinute nulls last, p.code")
    List<Plan> findAllForListing();

    boolean existsByCode(String code);
}
