package io.tollgate.portal.admin.providers;

import java.util.List;
import java.util.Set;
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
 */
public record ProviderDraft(String name, String type, @Nullable String baseUrl, boolean enabled, @Nullable String region,
                            boolean acceptsStreamOptions, @Nullable Integer healthCheckSeconds) {

    public static final String BEDROCK = "BEDROCK";
    public static final String REGION_RULE = "An AWS region, e.g. us-east-1";
    public static final int MIN_HEALTH_CHECK_SECONDS = 5;
    public static final int MAX_HEALTH_CHECK_SECONDS = 3600;
    public static final String HEALTH_CHECK_RULE = "Empty for none, else every " + MIN_HEALTH_CHECK_SECONDS + " to "
            + MAX_HEALTH_CHECK_SECONDS + " seconds";
    /** The provider types the gateway has an adapter for. */
    public static final List<String> TYPES = List.of("OPENAI", "OPENAI_COMPATIBLE", "AZURE_OPENAI", "ANTHROPIC",
            "GEMINI", BEDROCK, "MOCK");
    /** The types the gateway serves with OpenAI's wire format, whose streams it asks for usage. */
    static final Set<String> OPENAI_WIRE = Set.of("OPENAI", "OPENAI_COMPATIBLE", "AZURE_OPENAI");

    public boolean bedrock() {
        return BEDROCK.equals(type);
    }

    static boolean openAiWire(@Nullable String type) {
        return type != null && OPENAI_WIRE.contains(type);
    }

    static boolean validHealthCheck(@Nullable Integer seconds) {
        return seconds == null || seconds >= MIN_HEALTH_CHECK_SECONDS && seconds <= MAX_HEALTH_CHECK_SECONDS;
    }

    static boolean validRegion(@Nullable String region) {
        return region != null && region.strip().matches("[a-z]{2}(-[a-z]+)+-\\d+");
    }
}
