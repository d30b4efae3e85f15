package io.tollgate.portal.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Display only: screens show cents, exports and the database keep every digit. */
public final class Money {

    private Money() {
    }

    public static String usd(BigDecimal amount) {
        return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
