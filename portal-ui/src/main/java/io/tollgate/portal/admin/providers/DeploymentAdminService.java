package io.tollgate.portal.admin.providers;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A provider's deployments: which models it serves, and the routing settings of each. */
@Service
@Transactional
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class DeploymentAdminService {

    /** A deployment; {@code version} is what an update must name (optimistic concurrency). */
    public record DeploymentRow(UUID id, UUID providerId, String modelName, DeploymentDraft draft, long version) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    DeploymentAdminService(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<DeploymentRow> deployments(UUID providerId) {
        requireExisting("providers", providerId, "Provider");
        return query("d.provider_id = ?", providerId);
    }

    @Transactional(readOnly = true)
    public Optional<DeploymentRow> find(UUID deploymentId) {
        return query("d.id = ?", deploymentId).stream().findFirst();
    }

    private List<DeploymentRow> query(String condition, UUID id) {
        return jdbc.sql("""
                        select d.*, m.name model_name
                        from deployments d join models m on m.id = d.model_id where %s
                        order by m.name, d.priority, d.upstream_model""".formatted(condition))
                .param(id)
                .query((rs, n) -> new DeploymentRow(rs.getObject("id", UUID.class),
                        rs.getObject("provider_id", UUID.class), rs.getString("model_name"),
                        new DeploymentDraft(rs.getObject("model_id", UUID.class), rs.getString("upstream_model"),
                                rs.getInt("weight"), rs.getInt("priority"), rs.getBoolean("enabled"),
                                rs.getObject("requests_per_minute", Integer.class),
                                rs.getObject("tokens_per_minute", Long.class),
                                rs.getObject("first_byte_timeout_ms", Integer.class),
                                rs.getObject("total_timeout_ms", Integer.class),
                                rs.getObject("connect_timeout_ms", Integer.class),
                                rs.getObject("idle_timeout_ms", Integer.class),
                                rs.getBigDecimal("cost_input_per_million"),
                                rs.getBigDecimal("cost_output_per_million")), rs.getLong("version")))
                .list();
    }

    public UUID add(UUID providerId, DeploymentDraft draft) {
        check(draft);
        if (draft.modelId() == null) {
            throw new PortalException("Pick the model this deployment serves");
        }
        requireExisting("providers", providerId, "Provider");
        requireExisting("models", draft.modelId(), "Model");
        boolean exists = jdbc.sql("""
                        select exists(select 1 from deployments where model_id = ? and provider_id = ?
                                      and upstream_model = ?)""")
                .params(draft.modelId(), providerId, draft.upstreamModel().trim()).query(Boolean.class).single();
        if (exists) {
            throw PortalException.conflict("This deployment already exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into deployments (model_id, provider_id, upstream_model, weight, priority, enabled,
                                                 requests_per_minute, tokens_per_minute, first_byte_timeout_ms,
                                                 total_timeout_ms, connect_timeout_ms, idle_timeout_ms,
                                                 cost_input_per_million, cost_output_per_million, id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(draft.modelId(), providerId, draft.upstreamModel().trim(), draft.weight(), draft.priority(),
                        draft.enabled(), draft.requestsPerMinute(), draft.tokensPerMinute(), draft.firstByteTimeoutMs(),
                        draft.totalTimeoutMs(), draft.connectTimeoutMs(), draft.idleTimeoutMs(),
                        draft.costInputPerMillion(), draft.costOutputPerMillion(), id)
                .update();
        audit.record(null, "deployment.create", "deployment", id, withTarget(draft, providerId));
        return id;
    }

    /**
     * Changes everything but the model the deployment serves, as it was at {@code expectedVersion}; a change made
     * meanwhile refuses this one.
     */
    public void update(UUID deploymentId, long expectedVersion, DeploymentDraft draft) {
        check(draft);
        boolean exists = jdbc.sql("""
                        select exists(select 1 from deployments other join deployments me on me.id = ?
                                      where other.model_id = me.model_id and other.provider_id = me.provider_id
                                        and other.upstream_model = ? and other.id <> me.id)""")
                .params(deploymentId, draft.upstreamModel().trim()).query(Boolean.class).single();
        if (exists) {
            throw PortalException.conflict("Another deployment of this model on this provider has that upstream model");
        }
        int written = jdbc.sql("""
                        update deployments set upstream_model = ?, weight = ?, priority = ?, enabled = ?,
                            requests_per_minute = ?, tokens_per_minute = ?, first_byte_timeout_ms = ?,
                            total_timeout_ms = ?, connect_timeout_ms = ?, idle_timeout_ms = ?,
                            cost_input_per_million = ?, cost_output_per_million = ?,
                            updated_at = now(), version = version + 1
                        where id = ? and version = ?""")
                .params(draft.upstreamModel().trim(), draft.weight(), draft.priority(), draft.enabled(),
                        draft.requestsPerMinute(), draft.tokensPerMinute(), draft.firstByteTimeoutMs(),
                        draft.totalTimeoutMs(), draft.connectTimeoutMs(), draft.idleTimeoutMs(),
                        draft.costInputPerMillion(), draft.costOutputPerMillion(), deploymentId,
                        expectedVersion)
                .update();
        if (written == 0) {
            find(deploymentId).orElseThrow(() -> PortalException.notFound("Deployment"));
            throw new OptimisticLockingFailureException("Deployment " + deploymentId + " changed since version "
                    + expectedVersion);
        }
        audit.record(null, "deployment.update", "deployment", deploymentId, draft.auditDetails());
    }

    public void remove(UUID deploymentId) {
        if (jdbc.sql("delete from deployments where id = ?").param(deploymentId).update() == 0) {
            throw PortalException.notFound("Deployment");
        }
        audit.record(null, "deployment.delete", "deployment", deploymentId, Map.of());
    }

    private void requireExisting(String table, UUID id, String what) {
        if (!jdbc.sql("select exists(select 1 from " + table + " where id = ?)").param(id).query(Boolean.class)
                .single()) {
            throw PortalException.notFound(what);
        }
    }

    private static void check(DeploymentDraft draft) {
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
    }

    private static Map<String, String> withTarget(DeploymentDraft draft, UUID providerId) {
        Map<String, String> details = draft.auditDetails();
        details.put("provider", providerId.toString());
        details.put("model", String.valueOf(draft.modelId()));
        return details;
    }
}
