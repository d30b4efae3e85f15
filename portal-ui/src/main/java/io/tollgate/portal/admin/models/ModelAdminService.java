package io.tollgate.portal.admin.models;

import io.tollgate.model.account.Roles;
import io.tollgate.model.catalog.EffectivePrice;
import io.tollgate.model.catalog.Model;
import io.tollgate.model.catalog.ModelDetails;
import io.tollgate.model.catalog.ModelRepository;
import io.tollgate.model.catalog.ModelStatus;
import io.tollgate.model.catalog.PriceRates;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model catalog and its effective-dated prices, as platform administrators maintain them (on the Models screen
 * and through the API). The rows are the platform's own, so the repository applies no tenant filter.
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

    private final ModelRepository models;
    private final AuditLog audit;
    private final Clock clock;

    ModelAdminService(ModelRepository models, AuditLog audit, Clock clock) {
        this.models = models;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ModelRow> list() {
        return models.findAllForListing().stream().map(ModelAdminService::row).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ModelRow> find(UUID modelId) {
        return models.findById(modelId).map(ModelAdminService::row);
    }

    public UUID create(ModelDraft draft) {
        ModelDetails details = check(draft);
        if (models.existsByName(details.name())) {
            throw taken(details.name());
        }
        Model model = models.saveAndFlush(new Model(details, clock.instant()));
        audited("model.create", model.getId(), details);
        return model.getId();
    }

    /** Changes the model as it was at {@code expectedVersion}; a change made meanwhile refuses this one. */
    public void update(UUID modelId, long expectedVersion, ModelDraft draft) {
        ModelDetails details = check(draft);
        if (models.existsByNameAndIdNot(details.name(), modelId)) {
            throw taken(details.name());
        }
        Model model = requireModel(modelId);
        if (model.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("Model " + modelId + " changed since version " + expectedVersion);
        }
        model.describe(details, clock.instant());
        models.flush();
        audited("model.update", modelId, details);
    }

    /** Enables (ACTIVE) or disables (DISABLED) a model, whatever else changed meanwhile; the gateway follows. */
    public void changeStatus(UUID modelId, boolean enabled) {
        Model model = models.findByIdForUpdate(modelId).orElseThrow(() -> PortalException.notFound("Model"));
        if (enabled) {
            model.enable(clock.instant());
        } else {
            model.disable(clock.instant());
        }
        models.flush();
        String status = model.details().status().name();
        audit.record(null, enabled ? "model.enable" : "model.disable", "model", modelId, Map.of("status", status));
    }

    /** Newest start first. */
    @Transactional(readOnly = true)
    public List<PriceRow> prices(UUID modelId) {
        return requireModel(modelId).priceSchedule().prices().stream()
                .sorted(Comparator.comparing(EffectivePrice::effectiveFrom).reversed())
                .map(ModelAdminService::priceRow).toList();
    }

    /** Adds a price from now or a future instant; past prices are never edited, so past costs never change. */
    public UUID addPrice(UUID modelId, PriceDraft price) {
        Model model = requireModel(modelId);
        String problem = price.problem();
        if (problem != null) {
            throw new PortalException(problem);
        }
        EffectivePrice added;
        try {
            added = model.addPrice(price.effectiveFrom(), new PriceRates(price.inputPerMillion(),
                    price.outputPerMillion(), price.cachedInputPerMillion(), price.reasoningPerMillion(),
                    price.cacheWriteInputPerMillion()), clock.instant());
        } catch (IllegalArgumentException pastStart) {
            throw new PortalException(pastStart.getMessage());
        } catch (IllegalStateException takenInstant) {
            throw PortalException.conflict(takenInstant.getMessage());
        }
        models.flush();
        audit.record(null, "price.create", "price", added.priceId(), Map.of("model", modelId,
                "effectiveFrom", price.effectiveFrom(), "inputPerMillion", price.inputPerMillion().toPlainString(),
                "outputPerMillion", price.outputPerMillion().toPlainString()));
        return added.priceId();
    }

    private static ModelDetails check(ModelDraft draft) {
        String problem = draft.problem();
        if (problem != null) {
            throw new PortalException(problem);
        }
        List<String> capabilities = Arrays.stream(draft.capabilities().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        return new ModelDetails(draft.name().strip(), draft.displayName().strip(), draft.description().strip(),
                capabilities, draft.contextWindow(), draft.maxOutputTokens(), draft.requiresApproval(),
                ModelStatus.valueOf(draft.status()));
    }

    private Model requireModel(UUID modelId) {
        return models.findById(modelId).orElseThrow(() -> PortalException.notFound("Model"));
    }

    private void audited(String action, UUID modelId, ModelDetails details) {
        audit.record(null, action, "model", modelId, Map.of("name", details.name(),
                "requiresApproval", details.requiresApproval(), "status", details.status().name()));
    }

    private static PortalException taken(String name) {
        return PortalException.conflict("A model named '" + name + "' already exists");
    }

    private static ModelRow row(Model model) {
        ModelDetails d = model.details();
        return new ModelRow(model.getId(), new ModelDraft(d.name(), d.displayName(), d.description(),
                String.join(",", d.capabilities()), d.contextWindow(), d.maxOutputTokens(), d.requiresApproval(),
                d.status().name()), RoutingStrategy.valueOf(model.getRoutingStrategy()), model.getVersion());
    }

    private static PriceRow priceRow(EffectivePrice price) {
        PriceRates rates = price.rates();
        return new PriceRow(price.priceId(), new PriceDraft(price.effectiveFrom(), rates.inputPerMillion(),
                rates.outputPerMillion(), rates.cachedInputPerMillion(), rates.reasoningPerMillion(),
                rates.cacheWriteInputPerMillion()));
    }
}
