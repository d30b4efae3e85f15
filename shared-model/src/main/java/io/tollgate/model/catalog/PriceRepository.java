package io.tollgate.model.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.jpa.repository.JpaRepository;

@NullMarked
public interface PriceRepository extends JpaRepository<Price, UUID> {

    List<Price> findAllByModelIdOrderByEffectiveFrom(UUID modelId);

    Optional<Price> findFirstByModelIdAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(UUID modelId, Instant at);

    /** The price of the model in force at {@code at}: the latest one that took effect at or before it. */
    default Optional<Price> findEffective(UUID modelId, Instant at) {
        return findFirstByModelIdAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(modelId, at);
    }
}
