package io.tollgate.portal.admin.plans;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The editable limits of a tier; null means unlimited. The rules below are checked by the form, field by field, and
 * again by the service (which the management API calls as well).
 *
 * @param cacheHitPerMillion what an answer from the gateway's response cache costs, USD per million tokens the answer
 *                           used when it was kept (0: hits are free)
 */
public record PlanDraft(String name, @Nullable Integer requestsPerMinute, @Nullable Integer requestsPerHour,
                        @Nullable Long tokensPerMinute, @Nullable Long tokensPerDay,
                        @Nullable Integer maxConcurrentRequests, @Nullable Integer maxTokensPerRequest,
                        BigDecimal markupPercent, BigDecimal cacheHitPerMillion) {

    public static final String CODE_RULE = "A code is 2 to 32 lower-case letters, digits, _ or -, starting with a letter";
    static final String NAME_RULE = "Name the plan (at most 100 characters)";
    static final String LIMIT_RULE = "Positive, or empty for unlimited";
    static final String MARKUP_RULE = "Between -100 (exclusive) and 1000, at most 4 decimals";
    static final String CACHE_PRICE_RULE = "0 or more USD per million tokens, below 10 billion, at most 9 decimals";

    /** A new plan's starting point: no name yet, every limit unlimited, no markup, free cache hits. */
    static PlanDraft unlimited() {
        return new PlanDraft("", null, null, null, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    static boolean validCode(@Nullable String code) {
        return code != null && code.strip().matches("[a-z][a-z0-9_-]{1,31}");
    }

    static boolean validName(@Nullable String name) {
        return name != null && !name.isBlank() && name.strip().length() <= 100;
    }

    static boolean validMarkup(@Nullable BigDecimal markup) {
        return markup != null && markup.compareTo(BigDecimal.valueOf(-100)) > 0
                && markup.compareTo(BigDecimal.valueOf(1000)) <= 0 && markup.stripTrailingZeros().scale() <= 4;
    }

    /** Fits the column, numeric(19, 9). */
    static boolean validCachePrice(@Nullable BigDecimal price) {
        return price != null && price.signum() >= 0 && price.compareTo(BigDecimal.TEN.pow(10)) < 0
                && price.stripTrailingZeros().scale() <= 9;
    }

    /** Why the draft cannot be saved, or null when it can. */
    @Nullable String problem() {
        if (!validName(name)) {
            return NAME_RULE;
        }
        for (Number limit : new Number[] {requestsPerMinute, requestsPerHour, tokensPerMinute, tokensPerDay,
                maxConcurrentRequests, maxTokensPerRequest}) {
            if (limit != null && limit.longValue() <= 0) {
                return "Every limit is " + LIMIT_RULE.toLowerCase();
            }
        }
        if (!validMarkup(markupPercent)) {
            return "Markup: " + MARKUP_RULE.toLowerCase();
        }
        return validCachePrice(cacheHitPerMillion) ? null : "Cache hit price: " + CACHE_PRICE_RULE;
    }

    /** What the audit log keeps of a change. */
    Map<String, String> auditDetails() {
        return Map.of("name", name.strip(),
                "requestsPerMinute", Objects.toString(requestsPerMinute, "unlimited"),
                "tokensPerMinute", Objects.toString(tokensPerMinute, "unlimited"),
                "tokensPerDay", Objects.toString(tokensPerDay, "unlimited"),
                "markupPercent", markupPercent.toPlainString(),
                "cacheHitPerMillion", cacheHitPerMillion.toPlainString());
    }
}
