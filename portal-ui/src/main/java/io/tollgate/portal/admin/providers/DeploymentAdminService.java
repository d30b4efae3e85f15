package io.tollgate.portal.admin.providers;

import io.tollgate.model.account.Roles;
import io.tollgate.model.catalog.Deployment;
import io.tollgate.model.catalog.DeploymentRepository;
import io.tollgate.model.catalog.DeploymentSettings;
import io.tollgate.model.catalog.ListedDeployment;
import io.tollgate.model.catalog.ModelRepository;
import io.tollgate.model.catalog.ProviderRepository;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A provider's deployments: which models it serves, and the routing settings of each. The rows are the platform's
 * own, so the repositories apply no tenant filter.
 */
@Service
@Transactional
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class DeploymentAdminService {

    /** A deployment; {@code version} is what an update must name (optimistic concurrency). */
    public record DeploymentRow(UUID id, UUID providerId, String modelName, DeploymentDraft draft, long version) {
    }

    private final DeploymentRepository deployments;
    private final ProviderRepository providers;
    private final ModelRepository models;
    private final AuditLog audit;
    private final Clock clock;

    DeploymentAdminService(DeploymentRepository deployments, ProviderRepository providers, ModelRepository models,
                           AuditLog audit, Clock clock) {
        this.deployments = deployments;
        this.providers = providers;
        this.models = models;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DeploymentRow> deployments(UUID providerId) {
        if (!providers.existsById(providerId)) {
            throw PortalException.notFound("Provider");
        }
        return deployments.findAllListedByProviderId(providerId).stream().map(DeploymentAdminService::row).toList();
    }

    @Transactional(readOnly = true)
    public Optional<DeploymentRow> find(UUID deploymentId) {
        return deployments.findListedById(deploymentId).map(DeploymentAdminService::row);
    }

    public UUID add(UUID providerId, DeploymentDraft draft) {
        DeploymentSettings settings = check(draft);
        if (draft.modelId() == null) {
            throw new PortalException("Pick the model this deployment serves");
        }
        if (!providers.existsById(providerId)) {
            throw PortalException.notFound("Provider");
        }
        if (!models.existsById(draft.modelId())) {
            throw PortalException.notFound("Model");
        }
        if (deployments.existsByModelIdAndProviderIdAndUpstreamModel(draft.modelId(), providerId,
                settings.upstreamModel())) {
            throw PortalException.conflict("This deployment already exists");
        }
        Deployment deployment = deployments.saveAndFlush(
                new Deployment(draft.modelId(), providerId, settings, clock.instant()));
        Map<String, String> details = draft.auditDetails();
        details.put("provider", providerId.toString());
        details.put("model", draft.modelId().toString());
        audit.record(null, "deployment.create", "deployment", deployment.getId(), details);
        return deployment.getId();
    }

    /**
     * Changes everything but the model the deployment serves, as it was at {@code expectedVersion}; a change made
     * meanwhile refuses this one.
     */
    public void update(UUID deploymentId, long expectedVersion, DeploymentDraft draft) {
        DeploymentSettings settings = check(draft);
        Optional<Deployment> found = deployments.findById(deploymentId);
        if (found.isPresent() && deployments.existsByModelIdAndProviderIdAndUpstreamModelAndIdNot(
                found.get().getModelId(), found.get().getProviderId(), settings.upstreamModel(), deploymentId)) {
            throw PortalException.conflict("Another deployment of this model on this provider has that upstream model");
        }
        Deployment deployment = found.orElseThrow(() -> PortalException.notFound("Deployment"));
        if (deployment.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("Deployment " + deploymentId + " changed since version "
                    + expectedVersion);
        }
        deployment.change(settings, clock.instant());
        deployments.saveAndFlush(deployment);
        audit.record(null, "deployment.update", "deployment", deploymentId, draft.auditDetails());
    }

    public void remove(UUID deploymentId) {
        deployments.delete(deployments.findById(deploymentId)
                .orElseThrow(() -> PortalException.notFound("Deployment")));
        audit.record(null, "deployment.delete", "deployment", deploymentId, Map.of());
    }

    private static DeploymentSettings check(DeploymentDraft draft) {
        if (!DeploymentDraft.validUpstreamModel(draft.upstreamModel())) {
            throw new PortalException(DeploymentDraft.UPSTREAM_RULE);
        }
        if (!DeploymentDraft.validWeight(draft.weight())) {
            throw new PortalException(DeploymentDraft.WEIGHT_RULE);
        }
        if (!DeploymentDraft.validPriority(draft.priority())) {
            throw new PortalException(DeploymentDraft.PRIORITY_RULE);
        }
        if (!DeploymentDraft.validLimit(draft.requestsPerMinute())) {
            throw new PortalException("Requests per minute: " + DeploymentDraft.LIMIT_RULE.toLowerCase());
        }
        if (!DeploymentDraft.validLimit(draft.tokensPerMinute())) {
            throw new PortalException("Tokens per minute: " + DeploymentDraft.LIMIT_RULE.toLowerCase());
        }
        if (!DeploymentDraft.validLimit(draft.firstByteTimeoutMs())) {
            throw new PortalException("First-byte timeout: " + DeploymentDraft.TIMEOUT_RULE.toLowerCase());
        }
        if (!DeploymentDraft.validLimit(draft.totalTimeoutMs())) {
            throw new PortalException("Total timeout: " + DeploymentDraft.TOTAL_TIMEOUT_RULE.toLowerCase());
        }
        if (!DeploymentDraft.validLimit(draft.connectTimeoutMs())) {
            throw new PortalException("Connect timeout: " + DeploymentDraft.CONNECT_TIMEOUT_RULE.toLowerCase());
        }
        if (!DeploymentDraft.validLimit(draft.idleTimeoutMs())) {
            throw new PortalException("Idle timeout: " + DeploymentDraft.TIMEOUT_RULE.toLowerCase());
        }
        if (!DeploymentDraft.validCost(draft.costInputPerMillion())
                || !DeploymentDraft.validCost(draft.costOutputPerMillion())) {
            throw new PortalException("Provider cost: " + DeploymentDraft.COST_RULE.toLowerCase());
        }
        if (!DeploymentDraft.validCostPair(draft.costInputPerMillion(), draft.costOutputPerMillion())) {
            throw new PortalException("Provider cost: " + DeploymentDraft.COST_PAIR_RULE.toLowerCase());
        }
        return new DeploymentSettings(draft.upstreamModel().trim(), draft.weight(), draft.priority(),
                draft.enabled(), draft.requestsPerMinute(), draft.tokensPerMinute(), draft.firstByteTimeoutMs(),
                draft.totalTimeoutMs(), draft.connectTimeoutMs(), draft.idleTimeoutMs(), draft.costInputPerMillion(),
                draft.costOutputPerMillion());
    }

    private static DeploymentRow row(ListedDeployment listed) {
        Deployment deployment = listed.deployment();
        DeploymentSettings s = deployment.settings();
        return new DeploymentRow(deployment.getId(), deployment.getProviderId(), listed.modelName(),
                new DeploymentDraft(deployment.getModelId(), s.upstreamModel(), s.weight(), s.priority(), s.enabled(),
                        s.requestsPerMinute(), s.tokensPerMinute(), s.firstByteTimeoutMs(), s.totalTimeoutMs(),
                        s.connectTimeoutMs(), s.idleTimeoutMs(), s.costInputPerMillion(), s.costOutputPerMillion()),
                deployment.getVersion());
    }
}
