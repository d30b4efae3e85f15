package io.tollgate.model.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.jpa.repository.JpaRepository;

/** The catalog is platform-wide: tenants read it, platform administrators change it. */
@NullMarked
public interface LlmModelRepository extends JpaRepository<LlmModel, UUID> {

    Optional<LlmModel> findByName(String name);

    List<LlmModel> findAllByOrderByName();

    List<LlmModel> findAllByStatusOrderByName(ModelStatus status);
}
