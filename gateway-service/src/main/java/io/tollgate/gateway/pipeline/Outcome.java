package io.tollgate.gateway.pipeline;

import io.tollgate.model.common.TokenUsage;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How a request ended: status, usage (reported or estimated) and timings, as the usage event records them. */
public final class Outcome {

    private int status = 200;
    private @Nullable String errorType;
    private @Nullable TokenUsage usage;
    private boolean usageEstimated;
    private boolean streamed;
    private boolean billed = true;
    private boolean cacheHit;
    private long cachedAnswerTokens;
    private int attempts;
    private long firstTokenNanos = -1;
    private long upstreamNanos = -1;

    public void failed(int status, String errorType) {
        this.status = status;
        this.errorType = errorType;
    }

    public void status(int status) {
        this.status = status;
    }

    public void usage(TokenUsage usage, boolean estimated) {
        this.usage = usage;
        this.usageEstimated = estimated;
    }

    /** The request's tokens stay on its usage event but cost the tenant nothing (a provider's broken answer). */
    public void unbilled() {
        this.billed = false;
    }

    public boolean billed() {
        return billed;
    }

    /**
     * The response cache answered: no provider was called, no tokens were used, nothing is billed at the model's price;
     * the plan's cache-hit price applies to the tokens the answer used when it was kept.
     */
    public void cacheHit(long cachedAnswerTokens) {
        this.cacheHit = true;
        this.cachedAnswerTokens = cachedAnswerTokens;
        this.usage = TokenUsage.ZERO;
        this.usageEstimated = false;
        this.billed = false;
    }

    public boolean isCacheHit() {
        return cacheHit;
    }

    /** Tokens (prompt plus completion) the cached answer used when it was kept; 0 unless the cache answered. */
    public long cachedAnswerTokens() {
        return cachedAnswerTokens;
    }

    /** Counts a call to a provider. */
    public void attempted() {
        attempts++;
    }

    /** Calls to providers so far (failovers and retries included); 0 when none was made. */
    public int attempts() {
        return attempts;
    }

    public void streamed() {
        this.streamed = true;
    }

    public void firstToken(long nanos) {
        if (firstTokenNanos < 0) {
            firstTokenNanos = nanos;
        }
    }

    public void upstreamDone(long nanos) {
        this.upstreamNanos = nanos;
    }

    public int status() {
        return status;
    }

    public Optional<String> errorType() {
        return Optional.ofNullable(errorType);
    }

    public Optional<TokenUsage> usage() {
        return Optional.ofNullable(usage);
    }

    public boolean usageEstimated() {
        return usageEstimated;
    }

    public boolean isStreamed() {
        return streamed;
    }

    /** System.nanoTime() of the first byte sent to the client, or -1. */
    public long firstTokenNanos() {
        return firstTokenNanos;
    }

    /** System.nanoTime() when the upstream answered in full, or -1. */
    public long upstreamNanos() {
        return upstreamNanos;
    }
}
