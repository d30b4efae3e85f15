package io.tollgate.model.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.jpa.repository.JpaRepository;

/** Providers are platform-wide and managed by platform administrators only. */
@NullMarked
public interface ProviderRepository extends JpaRepository<Provider, UUID> {

    Optional<Provider> findByName(String name);

    List<Provider> findAllByOrderByName();
}
