package io.tollgate.portal.api;

import io.tollgate.portal.common.PortalException;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Money and percentages travel as decimal strings ("0.15"), so no digit is lost to a JSON number's double. */
public final class Decimals {

    private Decimals() {
    }

    /** The value, or null when the field was left out; anything but a decimal is the caller's mistake (400). */
    public static @Nullable BigDecimal parse(@Nullable String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException notDecimal) {
            throw new PortalException(field + " is a decimal string, e.g. \"0.15\"");
        }
    }

    public static @Nullable String format(@Nullable BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
