package io.tollgate.portal.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Display only: screens show cents, exports and the database keep every digit. */
public final class MoneyFormat {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private MoneyFormat() {
    }

    /** Cents, except that an amount above zero but below a cent does not read as free. */
    public static String usd(BigDecimal amount) {
        if (amount.signum() > 0 && amount.compareTo(CENT) < 0) {
            return "< $0.01";
        }
        return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
