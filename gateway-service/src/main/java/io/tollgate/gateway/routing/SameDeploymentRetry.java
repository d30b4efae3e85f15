package io.tollgate.gateway.routing;

import io.tollgate.gateway.error.Rejection;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a retryable failure leaves no other route, the same deployment is tried again after a pause: exponential
 * backoff with full jitter (a random wait up to 100 ms, then up to 200 ms), or the provider's {@code retry-after}
 * when it gave one, at most twice, and never past the request's deadline. A {@code retry-after} longer than
 * {@link #LONGEST_WAIT} is not waited out: the client gets the provider's answer with it at once, and decides itself
 * whether to wait, rather than holding a connection open for the provider's whole cool-down.
 */
final class SameDeploymentRetry {

    static final int MAX_RETRIES = 2;
    private static final long BASE_NANOS = Duration.ofMillis(100).toNanos();
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    private SameDeploymentRetry() {
    }

    /**
     * The pause before retry number {@code retry} (0 for the first), or -1 when there is no retry: too many already,
     * or the pause would end past the deadline.
     *
     * @param leftNanos how long until the request's deadline
     */
    static long pauseNanos(int retry, Rejection failure, long leftNanos) {
        if (retry >= MAX_RETRIES) {
            return -1;
        }
        long pause = retryAfterNanos(failure);
        if (pause > LONGEST_WAIT.toNanos()) {
            return -1;
        }
        if (pause < 0) {
            pause = ThreadLocalRandom.current().nextLong(BASE_NANOS << retry);
        }
        return pause < leftNanos ? pause : -1;
    }

    /** The provider's {@code retry-after} in seconds; -1 when it gave none (or a date, which is not worth a wait). */
    private static long retryAfterNanos(Rejection failure) {
        var retryAfter = failure.retryAfter();
        if (retryAfter == null) {
            return -1;
        }
        try {
            long seconds = Long.parseLong(retryAfter.strip());
            return seconds < 0 || seconds > Long.MAX_VALUE / NANOS_PER_SECOND ? -1 : seconds * NANOS_PER_SECOND;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
