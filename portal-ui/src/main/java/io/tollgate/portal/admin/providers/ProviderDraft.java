package io.tollgate.portal.admin.providers;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider's non-secret settings; its credential is set apart and never read back.
 *
 * @param region the AWS region of a Bedrock provider (stored in its settings as {@code region}); null for other types
 */
public record ProviderDraft(String name, String type, @Nullable String baseUrl, boolean enabled, @Nullable String region) {

    public static final String BEDROCK = "BEDROCK";
    public static final String REGION_RULE = "An AWS region, e.g. us-east-1";
    /** The provider types the gateway has an adapter for. */
    public static final List<String> TYPES = List.of("OPENAI", "OPENAI_COMPATIBLE", "AZURE_OPENAI", "ANTHROPIC",
            "GEMINI", BEDROCK, "MOCK");

    public boolean bedrock() {
        return BEDROCK.equals(type);
    }

    static boolean validRegion(@Nullable String region) {
        return region != null && region.strip().matches("[a-z]{2}(-[a-z]+)+-\\d+");
    }
}
