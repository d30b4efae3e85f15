package io.tollgate.model.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.NullMarked;

/**
 * The price history of one model. The price of an instant is the one with the latest
 * {@code effectiveFrom <= instant}, so adding a future price never changes the cost of a request
 * that already happened.
 */
@NullMarked
public final class PriceSchedule {

    private static final PriceSchedule EMPTY = new PriceSchedule(List.of());

    private final TreeMap<Instant, EffectivePrice> byEffectiveFrom = new TreeMap<>();

    private PriceSchedule(Collection<EffectivePrice> prices) {
        for (EffectivePrice price : prices) {
            EffectivePrice previous = byEffectiveFrom.putIfAbsent(price.effectiveFrom(), price);
            if (previous != null) {
                throw new IllegalArgumentException("Two prices take effect at " + price.effectiveFrom()
                        + ": " + previous.priceId() + " and " + price.priceId());
            }
        }
    }

    public static PriceSchedule of(Collection<EffectivePrice> prices) {
        return prices.isEmpty() ? EMPTY : new PriceSchedule(prices);
    }

    public static PriceSchedule empty() {
        return EMPTY;
    }

    /** The price in effect at {@code instant}; empty before the first price takes effect. */
    public Optional<EffectivePrice> at(Instant instant) {
        return Optional.ofNullable(byEffectiveFrom.floorEntry(instant)).map(Map.Entry::getValue);
    }

    /** Whether a price takes effect exactly at {@code instant}. */
    public boolean startsAt(Instant instant) {
        return byEffectiveFrom.containsKey(instant);
    }

    /** Every price, oldest first. */
    public List<EffectivePrice> prices() {
        return List.copyOf(byEffectiveFrom.values());
    }

    public boolean isEmpty() {
        return byEffectiveFrom.isEmpty();
    }

    @Override
    public String toString() {
        return "PriceSchedule" + byEffectiveFrom.keySet();
    }
}
