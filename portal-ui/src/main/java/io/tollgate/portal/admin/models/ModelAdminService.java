package io.tollgate.portal.admin.models;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Sql;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model catalog and its effective-dated prices, as platform administrators maintain them (on the Models screen
 * and through the API).
 */
@Service
@Transactional
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ModelAdminService {

    /** A catalog model; {@code version} is what an update must name (optimistic concurrency). */
    public record ModelRow(UUID id, ModelDraft draft, RoutingStrategy routingStrategy, long version) {
    }

    public record PriceRow(UUID id, PriceDraft draft) {
    }

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ModelAdminService(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ModelRow> list() {
        return jdbc.sql("select * from models order by lower(name)")
                .query((rs, n) -> new ModelRow(rs.getObject("id", UUID.class), new ModelDraft(rs.getString("name"),
                        rs.getString("display_name"), rs.getString("description"),
                        String.join(",", (String[]) rs.getArray("capabilities").getArray()),
                        rs.getInt("context_window"), rs.getObject("max_output_tokens", Integer.class),
                        rs.getBoolean("requires_approval"), rs.getString("status")),
                        RoutingStrategy.valueOf(rs.getString("routing_strategy")), rs.getLong("version")))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<ModelRow> find(UUID modelId) {
        return list().stream().filter(model -> model.id().equals(modelId)).findFirst();
    }

    public UUID create(ModelDraft draft) {
        check(draft, null);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into models (name, display_name, description, capabilities, context_window,
                                            max_output_tokens, requires_approval, status, id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(draft.name().strip(), draft.displayName().strip(), description(draft), capabilities(draft),
                        draft.contextWindow(), draft.maxOutputTokens(), draft.requiresApproval(), draft.status(), id)
                .update();
        audited("model.create", id, draft);
        return id;
    }

    /** Changes the model as it was at {@code expectedVersion}; a change made meanwhile refuses this one. */
    public void update(UUID modelId, long expectedVersion, ModelDraft draft) {
        check(draft, modelId);
        int written = jdbc.sql("""
                        update models set name = ?, display_name = ?, description = ?, capabilities = ?,
                            context_window = ?, max_output_tokens = ?, requires_approval = ?, status = ?,
                            updated_at = now(), version = version + 1
                        where id = ? and version = ?""")
                .params(draft.name().strip(), draft.displayName().strip(), description(draft), capabilities(draft),
                        draft.contextWindow(), draft.maxOutputTokens(), draft.requiresApproval(), draft.status(),
                        modelId, expectedVersion)
                .update();
        if (written == 0) {
            requireModel(modelId);
            throw new OptimisticLockingFailureException("Model " + modelId + " changed since version " + expectedVersion);
        }
        audited("model.update", modelId, draft);
    }

    /** Enables (ACTIVE) or disables (DISABLED) a model, whatever else changed meanwhile; the gateway follows. */
    public void changeStatus(UUID modelId, boolean enabled) {
        String status = enabled ? "ACTIVE" : "DISABLED";
        int written = jdbc.sql("""
                        update models set status = ?, updated_at = now(), version = version + 1 where id = ?""")
                .params(status, modelId).update();
        if (written == 0) {
            throw PortalException.notFound("Model");
        }
        audit.record(null, enabled ? "model.enable" : "model.disable", "model", modelId, Map.of("status", status));
    }

    @Transactional(readOnly = true)
    public List<PriceRow> prices(UUID modelId) {
        requireModel(modelId);
        return jdbc.sql("select * from prices where model_id = ? order by effective_from desc")
                .param(modelId)
                .query((rs, n) -> new PriceRow(rs.getObject("id", UUID.class), new PriceDraft(
                        Sql.instant(rs, "effective_from"), rs.getBigDecimal("input_per_million"),
                        rs.getBigDecimal("output_per_million"), rs.getBigDecimal("cached_input_per_million"),
                        rs.getBigDecimal("reasoning_per_million"), rs.getBigDecimal("cache_write_input_per_million"))))
                .list();
    }

    /** Adds a price from now or a future instant; past prices are never edited, so past costs never change. */
    public UUID addPrice(UUID modelId, PriceDraft price) {
        requireModel(modelId);
        String problem = price.problem();
        if (problem != null) {
            throw new PortalException(problem);
        }
        if (price.effectiveFrom().isBefore(clock.instant().minus(CLOCK_SKEW))) {
            throw new PortalException("A new price takes effect now or later; past costs are never rewritten");
        }
        boolean taken = jdbc.sql("select exists(select 1 from prices where model_id = ? and effective_from = ?)")
                .params(modelId, Sql.timestamp(price.effectiveFrom())).query(Boolean.class).single();
        if (taken) {
            throw PortalException.conflict("This model already has a price starting at that instant");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into prices (id, model_id, effective_from, input_per_million, output_per_million,
                                            cached_input_per_million, reasoning_per_million,
                                            cache_write_input_per_million)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, modelId, Sql.timestamp(price.effectiveFrom()), price.inputPerMillion(),
                        price.outputPerMillion(), price.cachedInputPerMillion(), price.reasoningPerMillion(),
                        price.cacheWriteInputPerMillion())
                .update();
        audit.record(null, "price.create", "price", id, Map.of("model", modelId,
                "effectiveFrom", price.effectiveFrom(), "inputPerMillion", price.inputPerMillion().toPlainString(),
                "outputPerMillion", price.outputPerMillion().toPlainString()));
        return id;
    }

    private void check(ModelDraft draft, @Nullable UUID modelId) {
        String problem = draft.problem();
        if (problem != null) {
            throw new PortalException(problem);
        }
        boolean nameTaken = jdbc.sql("select exists(select 1 from models where name = ? and id is distinct from ?)")
                .params(draft.name().strip(), modelId).query(Boolean.class).single();
        if (nameTaken) {
            throw PortalException.conflict("A model named '" + draft.name().strip() + "' already exists");
        }
    }

    private void requireModel(UUID modelId) {
        if (!jdbc.sql("select exists(select 1 from models where id = ?)").param(modelId).query(Boolean.class).single()) {
            throw PortalException.notFound("Model");
        }
    }

    private void audited(String action, UUID modelId, ModelDraft draft) {
        audit.record(null, action, "model", modelId, Map.of("name", draft.name().strip(),
                "requiresApproval", draft.requiresApproval(), "status", draft.status()));
    }

    private static String description(ModelDraft draft) {
        return draft.description().strip();
    }

    private static String[] capabilities(ModelDraft draft) {
        return Arrays.stream(draft.capabilities().split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toArray(String[]::new);
    }
}
