package io.tollgate.model.catalog;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A model's USD price per million tokens from {@code effectiveFrom} until the model's next price. Prices are
 * never edited: a new price is a new row, so past costs are never rewritten.
 */
@Entity
@Table(name = "prices")
@NullMarked
public class Price extends PersistableEntity<UUID> {

    public static final String USD = "USD";

    @Id
    private UUID id;
    private UUID modelId;
    private Instant effectiveFrom;
    private String currency;
    @Column(precision = 19, scale = 9)
    private BigDecimal inputPerMillion;
    @Column(precision = 19, scale = 9)
    private BigDecimal outputPerMillion;
    @Column(precision = 19, scale = 9)
    private BigDecimal cachedInputPerMillion;
    @Column(precision = 19, scale = 9)
    private @Nullable BigDecimal reasoningPerMillion;
    @Column(precision = 19, scale = 9)
    private @Nullable BigDecimal cacheWriteInputPerMillion;
    private Instant createdAt;

    protected Price() {
    }

    public Price(UUID modelId, Instant effectiveFrom, PriceRates rates, Instant at) {
        this.id = UUID.randomUUID();
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        this.currency = USD;
        this.inputPerMillion = rates.inputPerMillion();
        this.outputPerMillion = rates.outputPerMillion();
        this.cachedInputPerMillion = rates.cachedInputPerMillion();
        this.reasoningPerMillion = rates.reasoningPerMillion();
        this.cacheWriteInputPerMillion = rates.cacheWriteInputPerMillion();
        this.createdAt = at;
    }

    public PriceRates rates() {
        return new PriceRates(inputPerMillion, outputPerMillion, cachedInputPerMillion, reasoningPerMillion,
                cacheWriteInputPerMillion);
    }

    /** This price as an entry of a {@link PriceSchedule}. */
    public EffectivePrice toEffectivePrice() {
        return new EffectivePrice(id, effectiveFrom, rates());
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getModelId() {
        return modelId;
    }

    public Instant getEffectiveFrom() {
        return effectiveFrom;
    }

    public String getCurrency() {
        return currency;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
