package io.tollgate.model.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.jpa.repository.JpaRepository;

/** Plans are platform-wide: every tenant may read them, only platform administrators change them. */
@NullMarked
public interface PlanRepository extends JpaRepository<Plan, UUID> {

    /** The well-known codes of the seeded tiers. */
    String FREE = "free";
    String BASIC = "basic";
    String PRO = "pro";
    String ENTERPRISE = "enterprise";

    Optional<Plan> findByCode(String code);

    List<Plan> findAllByOrderByName();
}
