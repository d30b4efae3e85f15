package io.tollgate.gateway.provider;

import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * What a provider said of its own rate limits in an answer's {@code x-ratelimit-*} headers (OpenAI, Azure OpenAI):
 * the requests and tokens left, and in how long each count resets. A count the provider did not send, or sent
 * without a readable reset, is -1.
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

    /** Told the provider's rate limits as an answer reports them. */
    @FunctionalInterface
    public interface Listener {
        void reported(ProviderRateLimits limits);
    }

    /** The limits an answer reports; null when it reports none (one header look-up for answers without them). */
    public static @Nullable ProviderRateLimits of(HttpHeaders headers) {
        String remainingRequests = headers.get(REMAINING_REQUESTS);
        String remainingTokens = headers.get(REMAINING_TOKENS);
        if (remainingRequests == null && remainingTokens == null) {
            return null;
        }
        long requests = count(remainingRequests);
        long requestsReset = requests < 0 ? -1 : durationNanos(headers.get(RESET_REQUESTS));
        long tokens = count(remainingTokens);
        long tokensReset = tokens < 0 ? -1 : durationNanos(headers.get(RESET_TOKENS));
        if (requestsReset < 0 && tokensReset < 0) {
            return null;
        }
        return new ProviderRateLimits(requestsReset < 0 ? -1 : requests, requestsReset,
                tokensReset < 0 ? -1 : tokens, tokensReset);
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
