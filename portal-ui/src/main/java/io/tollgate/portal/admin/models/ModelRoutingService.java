package io.tollgate.portal.admin.models;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A model's routing strategy and its ordered fallback models, as platform administrators set them. */
@Service
@Transactional
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ModelRoutingService {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ModelRoutingService(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public ModelRouting routing(UUID modelId) {
        RoutingStrategy strategy = jdbc.sql("select routing_strategy from models where id = ?").param(modelId)
                .query((rs, n) -> RoutingStrategy.valueOf(rs.getString(1))).optional()
                .orElseThrow(() -> PortalException.notFound("Model"));
        List<Fallback> fallbacks = jdbc.sql("""
                        select fallback_model_id, covered_by_subscription from model_fallbacks
                        where model_id = ? order by position""")
                .param(modelId)
                .query((rs, n) -> new Fallback(rs.getObject(1, UUID.class), rs.getBoolean(2)))
                .list();
        return new ModelRouting(strategy, fallbacks);
    }

    /** Replaces the strategy and the whole fallback chain; the chain's order becomes the positions 0, 1, 2, ... */
    public void save(UUID modelId, ModelRouting routing) {
        List<UUID> chain = routing.fallbacks().stream().map(Fallback::modelId).toList();
        if (chain.contains(modelId)) {
            throw new PortalException("A model cannot fall back to itself");
        }
        if (new HashSet<>(chain).size() < chain.size()) {
            throw new PortalException("Each fallback model appears once in the chain");
        }
        Map<UUID, String> names = names(chain);
        if (names.size() < chain.size()) {
            throw PortalException.notFound("Fallback model");
        }
        // updating the model row first also serialises two administrators saving the same model's chain
        int written = jdbc.sql("""
                        update models set routing_strategy = ?, updated_at = now(), version = version + 1
                        where id = ?""")
                .params(routing.strategy().name(), modelId).update();
        if (written == 0) {
            throw PortalException.notFound("Model");
        }
        jdbc.sql("delete from model_fallbacks where model_id = ?").param(modelId).update();
        IntStream.range(0, chain.size()).forEach(position -> jdbc.sql("""
                        insert into model_fallbacks (model_id, fallback_model_id, position, covered_by_subscription)
                        values (?, ?, ?, ?)""")
                .params(modelId, chain.get(position), position,
                        routing.fallbacks().get(position).coveredBySubscription())
                .update());
        audit.record(null, "model.routing.change", "model", modelId, Map.of(
                "strategy", routing.strategy().name(),
                "fallbacks", routing.fallbacks().stream()
                        .map(f -> names.get(f.modelId()) + (f.coveredBySubscription() ? " (covered)" : ""))
                        .collect(Collectors.joining(" -> "))));
    }

    private Map<UUID, String> names(List<UUID> modelIds) {
        if (modelIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, name from models where id in (:ids)").param("ids", modelIds)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
