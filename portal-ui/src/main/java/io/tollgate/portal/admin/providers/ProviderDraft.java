package io.tollgate.portal.admin.providers;

import io.tollgate.model.catalog.Provider;
import io.tollgate.model.catalog.ProviderType;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider's non-secret settings; its credential is set apart and never read back.
 *
 * @param region               the AWS region of a Bedrock provider (stored in its settings as {@code region}); null
 *                             for other types
 * @param acceptsStreamOptions whether an OpenAI-wire server takes {@code stream_options}; when not, its settings hold
 *                             {@code "streamOptions": false} and the gateway counts its streams' tokens itself. True for
 *                             the other types, which do not read it.
 * @param healthCheckSeconds   how often the gateway sends each of the provider's deployments a cheap request to see
 *                             whether it is up (stored in its settings as {@code healthCheckSeconds}); null for none
 * @param connectTimeoutMs     how long the gateway waits for a connection to the provider (a deployment may set its
 *                             own); null keeps the stored value, {@value Provider#DEFAULT_CONNECT_TIMEOUT_MS} for a
 *                             new provider
 * @param responseTimeoutMs    how long the gateway waits for each read of an answer once connected (a deployment may
 *                             set its own); null keeps the stored value, {@value Provider#DEFAULT_RESPONSE_TIMEOUT_MS}
 *                             for a new provider
 */
public record ProviderDraft(String name, String type, @Nullable String baseUrl, boolean enabled, @Nullable String region,
                            boolean acceptsStreamOptions, @Nullable Integer healthCheckSeconds,
                            @Nullable Integer connectTimeoutMs, @Nullable Integer responseTimeoutMs) {

    public static final String BEDROCK = "BEDROCK";
    public static final String REGION_RULE = "An AWS region, e.g. us-east-1";
    public static final int MIN_HEALTH_CHECK_SECONDS = 5;
    public static final int MAX_HEALTH_CHECK_SECONDS = 3600;
    public static final String HEALTH_CHECK_RULE = "Empty for none, else every " + MIN_HEALTH_CHECK_SECONDS + " to "
            + MAX_HEALTH_CHECK_SECONDS + " seconds";
    /** A connection not open within a minute is not coming. */
    public static final int MAX_CONNECT_TIMEOUT_MS = 60_000;
    /** An hour between two reads leaves room for the slowest answer that sends nothing until it is done. */
    public static final int MAX_RESPONSE_TIMEOUT_MS = 3_600_000;
    public static final String CONNECT_TIMEOUT_RULE = "1 to " + MAX_CONNECT_TIMEOUT_MS + " milliseconds";
    public static final String RESPONSE_TIMEOUT_RULE = "1 to " + MAX_RESPONSE_TIMEOUT_MS + " milliseconds";
    /** The provider types the gateway has an adapter for. */
    public static final List<String> TYPES = Arrays.stream(ProviderType.values()).map(Enum::name).toList();

    /** A new provider's starting point on the screen: an enabled OpenAI provider with the default timeouts. */
    static ProviderDraft blank() {
        return new ProviderDraft("", "OPENAI", "", true, null, true, null, Provider.DEFAULT_CONNECT_TIMEOUT_MS,
                Provider.DEFAULT_RESPONSE_TIMEOUT_MS);
    }

    public boolean bedrock() {
        return BEDROCK.equals(type);
    }

    static boolean openAiWire(@Nullable String type) {
        return type != null && TYPES.contains(type) && ProviderType.valueOf(type).speaksOpenAiWire();
    }

    static boolean validHealthCheck(@Nullable Integer seconds) {
        return seconds == null || seconds >= MIN_HEALTH_CHECK_SECONDS && seconds <= MAX_HEALTH_CHECK_SECONDS;
    }

    static boolean validConnectTimeout(@Nullable Integer millis) {
        return millis == null || millis > 0 && millis <= MAX_CONNECT_TIMEOUT_MS;
    }

    static boolean validResponseTimeout(@Nullable Integer millis) {
        return millis == null || millis > 0 && millis <= MAX_RESPONSE_TIMEOUT_MS;
    }

    static boolean validRegion(@Nullable String region) {
        return region != null && region.strip().matches("[a-z]{2}(-[a-z]+)+-\\d+");
    }
}
