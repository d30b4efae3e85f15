package io.tollgate.model.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The providers' deployments: platform-owned rows, no tenant filter; only platform administrators' services use it. */
@NullMarked
public interface DeploymentRepository extends Repository<Deployment, UUID> {

    /** Written at once, so the version an answer shows is the one stored. */
    <S extends Deployment> S saveAndFlush(S deployment);

    void delete(Deployment deployment);

    /** The provider's deployments by model name, then priority, then upstream model. */
    @Query("""
            select new io.tollgate.model.catalog.ListedDeployment(d, m.name)
            from Deployment d join Model m on m.id = d.modelId
            where d.providerId = :providerId order by m.name, d.priority, d.upstreamModel""")
    List<ListedDeployment> findAllListedByProviderId(UUID providerId);

    @Query("""
            select new io.tollgate.model.catalog.ListedDeployment(d, m.name)
            from Deployment d join Model m on m.id = d.modelId where d.id = :id""")
    Optional<ListedDeployment> findListedById(UUID id);

    Optional<Deployment> findById(UUID id);

    boolean existsByModelIdAndProviderIdAndUpstreamModel(UUID modelId, UUID providerId, String upstreamModel);

    boolean existsByModelIdAndProviderIdAndUpstreamModelAndIdNot(UUID modelId, UUID providerId, String upstreamModel,
                                                                 UUID id);
}
