package io.tollgate.gateway.provider.openai;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The names of an OpenAI usage object that the gateway reads, with the Responses API's spellings. */
enum UsageField {
    PROMPT("prompt_tokens", "input_tokens"),
    COMPLETION("completion_tokens", "output_tokens"),
    PROMPT_DETAILS("prompt_tokens_details", "input_tokens_details"),
    COMPLETION_DETAILS("completion_tokens_details", "output_tokens_details"),
    CACHED("cached_tokens"),
    REASONING("reasoning_tokens");

    private static final UsageField[] ALL = values();

    private final List<String> names;

    UsageField(String... names) {
        this.names = List.of(names);
    }

    /** The field a name means, or null. */
    static @Nullable UsageField named(String name) {
        for (UsageField field : ALL) {
            if (field.names.contains(name)) {
                return field;
            }
        }
        return null;
    }
}
