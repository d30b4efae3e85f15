package io.tollgate.gateway.limits;

import io.github.bucket4j.ConsumptionProbe;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Objects;

/**
 * OpenAI's rate limit headers: for requests and for tokens, the limit closest to exhaustion (its capacity, what is
 * left, and how long until it is full again in OpenAI's format such as "1s" or "6m0s"); {@code retry-after} in whole
 * seconds on a refusal.
 */
public final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    private static final LimitKind.Group[] GROUPS = LimitKind.Group.values();

    static void write(HttpHeaders headers, List<Draw> draws) {
        for (LimitKind.Group group : GROUPS) {
            Draw tightest = null;
            for (Draw draw : draws) {
                ConsumptionProbe probe = draw.probe();
                if (probe != null && draw.limit().kind().group() == group && (tightest == null
                        || probe.getRemainingTokens() < Objects.requireNonNull(tightest.probe()).getRemainingTokens())) {
                    tightest = draw;
                }
            }
            if (tightest != null) {
                ConsumptionProbe probe = Objects.requireNonNull(tightest.probe());
                headers.set(group.limitHeader(), Long.toString(tightest.limit().capacity()));
                headers.set(group.remainingHeader(), Long.toString(Math.max(0, probe.getRemainingTokens())));
                headers.set(group.resetHeader(), duration(probe.getNanosToWaitForReset()));
            }
        }
    }

    /** Whole seconds, at least 1, to wait for {@code nanos}. */
    public static long retryAfterSeconds(long nanos) {
        return Math.max(1, Math.ceilDiv(nanos, 1_000_000_000L));
    }

    public static void retryAfter(HttpHeaders headers, long seconds) {
        headers.set(HttpHeaderNames.RETRY_AFTER, Long.toString(seconds));
    }

    /** A duration as OpenAI (Go) prints it, rounded up to the millisecond: "20ms", "1s", "1.5s", "6m0s", "1h0m0s". */
    static String duration(long nanos) {
        long millis = Math.ceilDiv(Math.max(0, nanos), 1_000_000L);
        if (millis == 0) {
            return "0s";
        }
        if (millis < 1000) {
            return millis + "ms";
        }
        var text = new StringBuilder();
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        text.append(millis / 1000 % 60);
        long fraction = millis % 1000;
        if (fraction > 0) {
            text.append('.').append(String.format("%03d", fraction).replaceFirst("0+$", ""));
        }
        return text.append('s').toString();
    }
}
