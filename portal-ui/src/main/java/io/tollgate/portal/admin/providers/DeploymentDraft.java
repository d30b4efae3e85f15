package io.tollgate.portal.admin.providers;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A deployment as edited: which model it serves through this provider, how the gateway weighs it, the provider
 * account's own capacity, how long it may take to answer, and what the provider charges the platform (USD per million
 * tokens, for lowest-cost routing; tenants are billed by the model's prices). Null capacity, timeout or cost means
 * unknown. The rules below are checked by the form, field by field, and again by the service.
 */
public record DeploymentDraft(@Nullable UUID modelId, String upstreamModel, int weight, int priority, boolean enabled,
                              @Nullable Integer requestsPerMinute, @Nullable Long tokensPerMinute,
                              @Nullable Integer firstByteTimeoutMs, @Nullable Integer totalTimeoutMs,
                              @Nullable Integer connectTimeoutMs, @Nullable Integer idleTimeoutMs,
                              @Nullable BigDecimal costInputPerMillion,
                              @Nullable BigDecimal costOutputPerMillion) {

    static final int MAX_WEIGHT = 10_000;
    static final String UPSTREAM_RULE = "Name the upstream model (at most 200 characters)";
    static final String WEIGHT_RULE = "Weight is a whole number from 0 to 10000";
    static final String PRIORITY_RULE = "Priority is 0 or more (lower is tried first)";
    static final String LIMIT_RULE = "Positive, or empty when unknown";
    static final String TIMEOUT_RULE = "Positive milliseconds, or empty for the provider's response timeout";
    static final String TOTAL_TIMEOUT_RULE = "Positive milliseconds, or empty for no limit of its own";
    static final String CONNECT_TIMEOUT_RULE = "Positive milliseconds, or empty for the provider's connect timeout";
    static final String COST_RULE = "Not negative, at most 9 decimals, below 10 billion";
    static final String COST_PAIR_RULE = "Give the input and the output cost, or neither";

    private static final BigDecimal MAX_COST = BigDecimal.TEN.pow(10); // numeric(19, 9)

    public static DeploymentDraft empty() {
        return new DeploymentDraft(null, "", 100, 0, true, null, null, null, null, null, null, null, null);
    }

    static boolean validUpstreamModel(@Nullable String upstreamModel) {
        return upstreamModel != null && !upstreamModel.isBlank() && upstreamModel.trim().length() <= 200;
    }

    static boolean validWeight(@Nullable Integer weight) {
        return weight != null && weight >= 0 && weight <= MAX_WEIGHT;
    }

    static boolean validPriority(@Nullable Integer priority) {
        return priority != null && priority >= 0;
    }

    static boolean validLimit(@Nullable Number limit) {
        return limit == null || limit.longValue() > 0;
    }

    static boolean validCost(@Nullable BigDecimal cost) {
        return cost == null || cost.signum() >= 0 && cost.stripTrailingZeros().scale() <= 9
                && cost.compareTo(MAX_COST) < 0;
    }

    /** A cost known on one side only would rank the deployment as free on the other; both or neither. */
    static boolean validCostPair(@Nullable BigDecimal input, @Nullable BigDecimal output) {
        return (input == null) == (output == null);
    }

    /** What the audit log keeps of a change; "none" for an unknown value. */
    Map<String, String> auditDetails() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("upstreamModel", upstreamModel.trim());
        details.put("weight", String.valueOf(weight));
        details.put("priority", String.valueOf(priority));
        details.put("enabled", String.valueOf(enabled));
        details.put("requestsPerMinute", Objects.toString(requestsPerMinute, "none"));
        details.put("tokensPerMinute", Objects.toString(tokensPerMinute, "none"));
        details.put("firstByteTimeoutMs", Objects.toString(firstByteTimeoutMs, "none"));
        details.put("totalTimeoutMs", Objects.toString(totalTimeoutMs, "none"));
        details.put("connectTimeoutMs", Objects.toString(connectTimeoutMs, "none"));
        details.put("idleTimeoutMs", Objects.toString(idleTimeoutMs, "none"));
        details.put("costInputPerMillion", costInputPerMillion == null ? "none" : costInputPerMillion.toPlainString());
        details.put("costOutputPerMillion",
                costOutputPerMillion == null ? "none" : costOutputPerMillion.toPlainString());
        return details;
    }
}
