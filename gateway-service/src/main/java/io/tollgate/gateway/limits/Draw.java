package io.tollgate.gateway.limits;

import io.github.bucket4j.ConsumptionProbe;
import org.jspecify.annotations.Nullable;

/**
 * What one request asked of one bucket and what the bucket answered.
 *
 * @param probe the bucket's answer, null when the store could not be reached
 */
record Draw(Limit limit, long amount, @Nullable ConsumptionProbe probe) {

    boolean consumed() {
        return probe != null && probe.isConsumed();
    }

    boolean rejected() {
        return probe != null && !probe.isConsumed();
    }

    boolean unanswered() {
        return probe == null;
    }
}
