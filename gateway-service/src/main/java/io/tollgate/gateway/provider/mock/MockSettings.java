package io.tollgate.gateway.provider.mock;

import io.tollgate.gateway.snapshot.ProviderEntry;
import java.time.Duration;

/**
 * The mock provider's behaviour, from its {@code settings} jsonb: {@code latencyMs} before the answer (or the
 * first chunk), {@code chunkDelayMs} between stream chunks, {@code failureRate} (0..1) of calls answered with a
 * 500, and {@code dimensions} of embeddings.
 */
record MockSettings(Duration latency, Duration chunkDelay, double failureRate, int dimensions) {

    static MockSettings of(ProviderEntry provider) {
        return new MockSettings(
                Duration.ofMillis(number(provider, "latencyMs", 0)),
                Duration.ofMillis(number(provider, "chunkDelayMs", 0)),
                Math.clamp(decimal(provider, "failureRate"), 0.0, 1.0),
                (int) Math.clamp(number(provider, "dimensions", 16), 1, 4096));
    }

    private static long number(ProviderEntry provider, String name, long fallback) {
        return provider.setting(name).map(value -> {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    private static double decimal(ProviderEntry provider, String name) {
        return provider.setting(name).map(value -> {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return 0.0;
            }
        }).orElse(0.0);
    }
}
