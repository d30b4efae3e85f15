package io.tollgate.billing.invoicing;

import io.tollgate.model.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The one rounding rule of invoices. Metered costs stay exact until here.
 * <ol>
 *   <li>subtotal = the exact sum of the metered line costs, rounded half-even to cents;</li>
 *   <li>the usage lines share that subtotal by the largest-remainder method: each line gets its exact cost rounded
 *       down to cents, and the cents still missing go one each to the lines with the largest remainders (earlier
 *       lines first on ties), so the lines add up to the subtotal exactly;</li>
 *   <li>total = exact metered sum x (1 + markup/100), rounded half-even to cents; the markup (or discount) line is
 *       total - subtotal.</li>
 * </ol>
 * Why: the total is the correctly rounded value of what was metered (never off by the sum of per-line rounding
 * errors), and the printed lines always add up to the printed total.
 */
public final class InvoiceRounding {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private InvoiceRounding() {
    }

    public record Rounded(List<BigDecimal> lineAmounts, BigDecimal exactMetered, BigDecimal subtotal,
                          BigDecimal markupAmount, BigDecimal total) {
    }

    public static Rounded round(List<BigDecimal> exactLineCosts, BigDecimal markupPercent) {
        BigDecimal exact = exactLineCosts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal subtotal = Money.of(exact).roundedToCents();
        List<BigDecimal> amounts = new ArrayList<>(exactLineCosts.stream()
                .map(cost -> cost.setScale(Money.CENT_SCALE, RoundingMode.FLOOR)).toList());
        BigDecimal floored = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int missingCents = subtotal.subtract(floored).movePointRight(Money.CENT_SCALE).intValueExact();
        List<Integer> byRemainder = IntStream.range(0, amounts.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> exactLineCosts.get(i).subtract(amounts.get(i))).reversed()
                        .thenComparing(i -> i))
                .toList();
        for (int k = 0; k < missingCents; k++) {
            int line = byRemainder.get(k);
            amounts.set(line, amounts.get(line).add(CENT));
        }
        BigDecimal total = Money.of(exact.multiply(BigDecimal.ONE.add(markupPercent.divide(HUNDRED)))).roundedToCents();
        return new Rounded(List.copyOf(amounts), exact, subtotal, total.subtract(subtotal), total);
    }
}
