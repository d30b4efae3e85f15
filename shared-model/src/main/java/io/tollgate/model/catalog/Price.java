package io.tollgate.model.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One of a {@link Model}'s effective-dated prices (USD per million tokens): added through {@link Model#addPrice} and
 * never changed, so a cost computed once stays what it was.
 */
@Entity
@Table(name = "prices")
@Immutable
@NullMarked
public class Price {

    /** The columns' scale, numeric(19, 9): a price is kept with every digit or refused. */
    static final int SCALE = 9;

    @Id
    private UUID id;
    private Instant effectiveFrom;
    private BigDecimal inputPerMillion;
    private BigDecimal outputPerMillion;
    private BigDecimal cachedInputPerMillion;
    private @Nullable BigDecimal reasoningPerMillion;
    private @Nullable BigDecimal cacheWriteInputPerMillion;
    private Instant createdAt;

    protected Price() {
    }

    Price(Instant effectiveFrom, PriceRates rates, Instant at) {
        this.id = UUID.randomUUID();
        this.effectiveFrom = effectiveFrom.truncatedTo(ChronoUnit.MICROS);
        this.inputPerMillion = exact(rates.inputPerMillion());
        this.outputPerMillion = exact(rates.outputPerMillion());
        this.cachedInputPerMillion = exact(rates.cachedInputPerMillion());
        this.reasoningPerMillion = rates.reasoningPerMillion() == null ? null : exact(rates.reasoningPerMillion());
        this.cacheWriteInputPerMillion = rates.cacheWriteInputPerMillion() == null ? null
                : exact(rates.cacheWriteInputPerMillion());
        this.createdAt = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** As PostgreSQL returns it; a 10th decimal would be rounded away there, so it is refused here. */
    private static BigDecimal exact(BigDecimal perMillion) {
        try {
            return perMillion.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("A price has at most " + SCALE + " decimals, was "
                    + perMillion.toPlainString(), e);
        }
    }

    private PriceRates rates() {
        return new PriceRates(inputPerMillion, outputPerMillion, cachedInputPerMillion, reasoningPerMillion,
                cacheWriteInputPerMillion);
    }

    public EffectivePrice effective() {
        return new EffectivePrice(id, effectiveFrom, rates());
    }
}
