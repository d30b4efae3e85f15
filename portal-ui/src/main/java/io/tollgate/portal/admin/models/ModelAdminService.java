package io.tollgate.portal.admin.models;

import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The model catalog and its effective-dated prices, as platform administrators maintain them. */
@Service
@Transactional
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ModelAdminService {

    public record ModelRow(UUID id, ModelDraft draft, RoutingStrategy routingStrategy) {
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
                        RoutingStrategy.valueOf(rs.getString("routing_strategy"))))
                .list();
    }

    public UUID save(@Nullable UUID modelId, ModelDraft draft) {
        String[] capabilities = Arrays.stream(draft.capabilities().split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).distinct().toArray(String[]::new);
        boolean nameTaken = jdbc.sql("select exists(select 1 from models where name = ? and id is distinct from ?)")
                .params(draft.name().trim(), modelId).query(Boolean.class).single();
        if (nameTaken) {
            throw new PortalException("A model named '" + draft.name().trim() + "' already exists");
        }
        UUID id = modelId == null ? UUID.randomUUID() : modelId;
        int written = jdbc.sql(modelId == null ? """
                        insert into models (name, display_name, description, capabilities, context_window,
                                            max_output_tokens, requires_approval, status, id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""" : """
                        update models set name = ?, display_name = ?, description = ?, capabilities = ?,
                            context_window = ?, max_output_tokens = ?, requires_approval = ?, status = ?,
                            updated_at = now(), version = version + 1
                        where id = ?""")
                .params(draft.name().trim(), draft.displayName().trim(), draft.description().trim(), capabilities,
                        draft.contextWindow(), draft.maxOutputTokens(), draft.requiresApproval(), draft.status(), id)
                .update();
        if (written == 0) {
            throw PortalException.notFound("Model");
        }
        audit.record(null, modelId == null ? "model.create" : "model.update", "model", id, Map.of(
                "name", draft.name().trim(), "requiresApproval", draft.requiresApproval(), "status", draft.status()));
        return id;
    }

    @Transactional(readOnly = true)
    public List<PriceRow> prices(UUID modelId) {
        return jdbc.sql("select * from prices where model_id = ? order by effective_from desc")
                .param(modelId)
                .query((rs, n) -> new PriceRow(rs.getObject("id", UUID.class), new PriceDraft(
                        Sql.instant(rs, "effective_from"), rs.getBigDecimal("input_per_million"),
                        rs.getBigDecimal("output_per_million"), rs.getBigDecimal("cached_input_per_million"),
                        rs.getBigDecimal("reasoning_per_million"), rs.getBigDecimal("cache_write_input_per_million"))))
                .list();
    }

    /** Adds a price from now or a future instant; past prices are never edited, so past costs never change. */
    public void addPrice(UUID modelId, PriceDraft price) {
        if (price.inputPerMillion().signum() < 0 || price.outputPerMillion().signum() < 0
                || price.cachedInputPerMillion().signum() < 0
                || (price.cacheWriteInputPerMillion() != null && price.cacheWriteInputPerMillion().signum() < 0)) {
            throw new PortalException("Prices cannot be negative");
        }
        if (price.effectiveFrom().isBefore(clock.instant().minus(CLOCK_SKEW))) {
            throw new PortalException("A new price takes effect now or later; past costs are never rewritten");
        }
        boolean taken = jdbc.sql("select exists(select 1 from prices where model_id = ? and effective_from = ?)")
                .params(modelId, Sql.timestamp(price.effectiveFrom())).query(Boolean.class).single();
        if (taken) {
            throw new PortalException("This model already has a price starting at that instant");
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
    }
}
