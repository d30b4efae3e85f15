package io.tollgate.model.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of US dollars. Arithmetic never rounds: the scale grows as needed, so the sum of a
 * million tiny per-request costs is exactly the cost of the million requests.
 *
 * <p>Rounding happens once, when an invoice line or total is fixed, with {@link #roundedToCents()}:
 * {@link #ROUNDING} ({@code HALF_EVEN}, "banker's rounding": a half cent goes to the even cent, so
 * rounding errors do not drift in one direction over many lines).
 *
 * <p>Two amounts are equal when their numeric values are equal ({@code 1.0 == 1.00}).
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    /** The one rounding rule of Tollgate, applied only to invoice lines and totals. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    public static final int CENT_SCALE = 2;
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(amount, "amount");
    }

    /** Parses a plain decimal such as {@code "0.15"} or {@code "-3"}. */
    public static Money usd(String amount) {
        try {
            return new Money(new BigDecimal(amount));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a decimal amount of USD: '" + amount + "'", e);
        }
    }

    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    public static Money sum(Iterable<Money> amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (Money money : amounts) {
            total = total.add(money.amount);
        }
        return new Money(total);
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)));
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** The amount in whole cents by {@link #ROUNDING}; only for invoice lines and totals. */
    public BigDecimal roundedToCents() {
        return amount.setScale(CENT_SCALE, ROUNDING);
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && amount.compareTo(money.amount) == 0;
    }

    @Override
    public int hashCode() {
        return amount.stripTrailingZeros().hashCode();
    }

    /** The plain decimal amount, never in exponent notation, e.g. {@code 0.00000015}. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
