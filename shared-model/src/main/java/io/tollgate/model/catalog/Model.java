package io.tollgate.model.catalog;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.OptimisticLock;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A model of the platform's catalog, with its price history. Platform-owned (no tenant column): only platform
 * administrators change it. Its routing strategy is set with its fallback chain by the routing screen's SQL; a change
 * there moves the version too, so an edit here made from an older version is refused.
 */
@Entity
@Table(name = "models")
@NullMarked
public class Model extends PersistableEntity<UUID> {

    /** A new price may start this much before it is added: the form was filled a moment earlier. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    static final String PAST_PRICE = "A new price takes effect now or later; past costs are never rewritten";
    static final String TAKEN_INSTANT = "This model already has a price starting at that instant";

    @Id
    private UUID id;
    private String name;
    private String displayName;
    private String description;
    private String[] capabilities;
    private int contextWindow;
    private @Nullable Integer maxOutputTokens;
    private boolean requiresApproval;
    @Enumerated(EnumType.STRING)
    private ModelStatus status;
    private String routingStrategy;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;
    /** A price added does not change the model: its version stays, and an edit open meanwhile still saves. */
    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "model_id", nullable = false, updatable = false)
    @OptimisticLock(excluded = true)
    private List<Price> prices = new ArrayList<>();

    protected Model() {
    }

    /** A new model, routed by priority failover until its routing is set. */
    public Model(ModelDetails details, Instant at) {
        this.id = UUID.randomUUID();
        this.routingStrategy = "PRIORITY";
        this.createdAt = stored(at);
        describe(details, at);
    }

    public void describe(ModelDetails details, Instant at) {
        this.name = details.name();
        this.displayName = details.displayName();
        this.description = details.description();
        this.capabilities = details.capabilities().toArray(String[]::new);
        this.contextWindow = details.contextWindow();
        this.maxOutputTokens = details.maxOutputTokens();
        this.requiresApproval = details.requiresApproval();
        this.status = details.status();
        this.updatedAt = stored(at);
    }

    /** ACTIVE (from DEPRECATED too): the gateway serves it. */
    public void enable(Instant at) {
        this.status = ModelStatus.ACTIVE;
        this.updatedAt = stored(at);
    }

    /** DISABLED: the gateway stops serving it. */
    public void disable(Instant at) {
        this.status = ModelStatus.DISABLED;
        this.updatedAt = stored(at);
    }

    /**
     * Adds a price from {@code effectiveFrom} on. It starts now or later (within {@link #CLOCK_SKEW}) and no price is
     * ever changed, so the cost of a request that already happened never changes.
     *
     * @throws IllegalArgumentException when it would start in the past
     * @throws IllegalStateException    when another price starts at the same instant
     */
    public EffectivePrice addPrice(Instant effectiveFrom, PriceRates rates, Instant now) {
        if (effectiveFrom.isBefore(now.minus(CLOCK_SKEW))) {
            throw new IllegalArgumentException(PAST_PRICE);
        }
        Price price = new Price(effectiveFrom, rates, now);
        if (priceSchedule().startsAt(price.effective().effectiveFrom())) {
            throw new IllegalStateException(TAKEN_INSTANT);
        }
        prices.add(price);
        return price.effective();
    }

    /** Every price this model had and will have. */
    public PriceSchedule priceSchedule() {
        return PriceSchedule.of(prices.stream().map(Price::effective).toList());
    }

    public ModelDetails details() {
        return new ModelDetails(name, displayName, description, List.of(capabilities), contextWindow, maxOutputTokens,
                requiresApproval, status);
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** {@code models.routing_strategy}: PRIORITY, WEIGHTED, LEAST_BUSY, LOWEST_LATENCY or LOWEST_COST. */
    public String getRoutingStrategy() {
        return routingStrategy;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Model[" + name + ", " + status + ", version " + version + "]";
    }
}
