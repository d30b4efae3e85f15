package io.tollgate.gateway.provider;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * What a provider said of its own rate limits in an answer's headers: the requests and tokens left, and in how long
 * each count resets. Two dialects: OpenAI's and Azure OpenAI's {@code x-ratelimit-remaining-*} with resets as Go
 * durations ({@code 6m0s}), and Anthropic's {@code anthropic-ratelimit-*-remaining} with resets as RFC 3339 times
 * ({@code anthropic-ratelimit-tokens-*} being whichever of its input and output token limits is nearer). A count the
 * provider did not send, or sent without a readable reset, is -1.
 *
 * @param requestsResetNanos from the answer until the requests count resets
 * @param tokensResetNanos   from the answer until the tokens count resets
 */
public record ProviderRateLimits(long remainingRequests, long requestsResetNanos, long remainingTokens,
                                 long tokensResetNanos) {

    static final String REMAINING_REQUESTS = "x-ratelimit-remaining-requests";
    static final String REMAINING_TOKENS = "x-ratelimit-remaining-tokens";
    static final String RESET_REQUESTS = "x-ratelimit-reset-requests";
    static final String RESET_TOKENS = "x-ratelimit-reset-tokens";
    static final String ANTHROPIC_REMAINING_REQUESTS = "anthropic-ratelimit-requests-remaining";
    static final String ANTHROPIC_REMAINING_TOKENS = "anthropic-ratelimit-tokens-remaining";
    static final String ANTHROPIC_RESET_REQUESTS = "anthropic-ratelimit-requests-reset";
    static final String ANTHROPIC_RESET_TOKENS = "anthropic-ratelimit-tokens-reset";

    /** Told the provider's rate limits as an answer reports them. */
    @FunctionalInterface
    public interface Listener {
        void reported(ProviderRateLimits limits);
    }

    /**
     * The limits an answer reports; null when it reports none (two header look-ups per dialect for answers without
     * them). The clock is read only for Anthropic's resets, which are times.
     */
    public static @Nullable ProviderRateLimits of(HttpHeaders headers, Clock clock) {
        String remainingRequests = headers.get(REMAINING_REQUESTS);
        String remainingTokens = headers.get(REMAINING_TOKENS);
        if (remainingRequests != null || remainingTokens != null) {
            return of(count(remainingRequests), durationNanos(headers.get(RESET_REQUESTS)),
                    count(remainingTokens), durationNanos(headers.get(RESET_TOKENS)));
        }
        remainingRequests = headers.get(ANTHROPIC_REMAINING_REQUESTS);
        remainingTokens = headers.get(ANTHROPIC_REMAINING_TOKENS);
        if (remainingRequests == null && remainingTokens == null) {
            return null;
        }
        long nowMillis = clock.millis();
        return of(count(remainingRequests), nanosUntil(headers.get(ANTHROPIC_RESET_REQUESTS), nowMillis),
                count(remainingTokens), nanosUntil(headers.get(ANTHROPIC_RESET_TOKENS), nowMillis));
    }

    private static @Nullable ProviderRateLimits of(long requests, long requestsReset, long tokens, long tokensReset) {
        boolean knowsRequests = requests >= 0 && requestsReset >= 0;
        boolean knowsTokens = tokens >= 0 && tokensReset >= 0;
        if (!knowsRequests && !knowsTokens) {
            return null;
        }
        return new ProviderRateLimits(knowsRequests ? requests : -1, knowsRequests ? requestsReset : -1,
                knowsTokens ? tokens : -1, knowsTokens ? tokensReset : -1);
    }

    /** Whether the provider said how many requests are left and until when. */
    public boolean knowsRequests() {
        return remainingRequests >= 0;
    }

    public boolean knowsTokens() {
        return remainingTokens >= 0;
    }

    private static long count(@Nullable String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A duration in Go's notation, which OpenAI's reset headers use: decimal numbers each followed by a unit, e.g.
     * "1s", "6m0s", "120ms", "1h2m3.5s", "0s"; -1 when it is not one.
     */
    static long durationNanos(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String text = value.strip();
        if (text.equals("0")) {
            return 0;
        }
        double total = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            int start = i;
            while (i < length && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            if (i == start) {
                return -1;
            }
            double number;
            try {
                number = Double.parseDouble(text.substring(start, i));
            } catch (NumberFormatException e) {
                return -1;
            }
            int unitStart = i;
            while (i < length && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') {
                i++;
            }
            long unit = unitNanos(text.substring(unitStart, i));
            if (unit < 0) {
                return -1;
            }
            total += number * unit;
        }
        return total >= Long.MAX_VALUE ? -1 : (long) total;
    }

    /** From now until an RFC 3339 time ({@code 2026-12-04T17:01:00Z}); 0 when it has passed, -1 when it is not one. */
    static long nanosUntil(@Nullable String time, long nowMillis) {
        if (time == null || time.isBlank()) {
            return -1;
        }
        try {
            long millis = OffsetDateTime.parse(time.strip()).toInstant().toEpochMilli() - nowMillis;
            return Math.max(0, millis) * 1_000_000;
        } catch (DateTimeParseException | ArithmeticException e) {
            return -1;
        }
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "h" -> 3_600_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us", "µs", "μs" -> 1_000L;
            case "ns" -> 1L;
            default -> -1;
        };
    }
}
