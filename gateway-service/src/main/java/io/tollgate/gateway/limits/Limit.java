package io.tollgate.gateway.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.tollgate.model.plan.PlanLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One bucket a request draws from: an app+model's or a tenant's limit of one kind. The capacity is part of the key,
 * so a changed limit starts a fresh bucket instead of inheriting a bucket sized for the old one.
 *
 * @param owner "app" or "tenant", for the caller's message
 */
record Limit(String owner, LimitKind kind, long capacity, String key) {

    /** What a request's limits are made of: the same owners and settings make the same limits. */
    record Owners(UUID tenantId, UUID appId, UUID modelId, PlanLimits own, PlanLimits ceiling) {
    }

    static final String APP = "app";
    static final String TENANT = "tenant";

    /**
     * Every rate limit that applies: the subscription's (plan overridden per subscription) and the tenant ceilings.
     * A limit above one per nanosecond cannot bind (and Bucket4j cannot refill that fast): it counts as no limit.
     */
    static List<Limit> of(Owners owners) {
        var limits = new ArrayList<Limit>(4);
        for (LimitKind kind : LimitKind.values()) {
            var capacity = bindable(kind, kind.of(owners.own()));
            if (capacity.isPresent()) {
                limits.add(new Limit(APP, kind, capacity.getAsLong(), "tollgate:limits:app:" + owners.appId() + ":"
                        + owners.modelId() + ":" + kind.limitName() + ":" + capacity.getAsLong()));
            }
            var ceilingCapacity = bindable(kind, kind.of(owners.ceiling()));
            if (ceilingCapacity.isPresent()) {
                limits.add(new Limit(TENANT, kind, ceilingCapacity.getAsLong(), "tollgate:limits:tenant:"
                        + owners.tenantId() + ":" + kind.limitName() + ":" + ceilingCapacity.getAsLong()));
            }
        }
        return List.copyOf(limits);
    }

    private static OptionalLong bindable(LimitKind kind, OptionalLong limit) {
        return limit.isPresent() && limit.getAsLong() <= kind.period().toNanos() ? limit : OptionalLong.empty();
    }

    /** Refilled greedily: a limit of 60 per minute gives one request back every second. */
    Bandwidth bandwidth() {
        return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, kind.period()).build();
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }

    boolean countsTokens() {
        return kind.group() == LimitKind.Group.TOKENS;
    }

    /** What a request draws from this limit: its tokens from a token limit, itself from any other. */
    long amount(long tokens) {
        return countsTokens() ? tokens : 1;
    }
}
