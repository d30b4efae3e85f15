package io.tollgate.model.catalog;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.jpa.repository.JpaRepository;

@NullMarked
public interface DeploymentRepository extends JpaRepository<Deployment, UUID> {

    List<Deployment> findAllByModelIdOrderByPriorityAscWeightDesc(UUID modelId);

    List<Deployment> findAllByProviderId(UUID providerId);
}
