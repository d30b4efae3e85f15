package io.tollgate.model.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;

/** One row of a model's price history: the rates that apply from {@code effectiveFrom} on. */
@NullMarked
public record EffectivePrice(UUID priceId, Instant effectiveFrom, PriceRates rates) {

    public EffectivePrice {
        Objects.requireNonNull(priceId, "priceId");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(rates, "rates");
    }
}
