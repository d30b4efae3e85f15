package io.tollgate.gateway.provider.openai;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The names of an OpenAI usage object that the gateway reads (with the Responses API's spellings), and its key. */
enum UsageField {
    USAGE("usage"),
    PROMPT("prompt_tokens", "input_tokens"),
    COMPLETION("completion_tokens", "output_tokens"),
    PROMPT_DETAILS("prompt_tokens_details", "input_tokens_details"),
    COMPLETION_DETAILS("completion_tokens_details", "output_tokens_details"),
    CACHED("cached_tokens"),
    REASONING("reasoning_tokens");

    private static final UsageField[] ALL = values();

    private final List<String> names;
    private final byte[][] bytes;

    UsageField(String... names) {
        this.names = List.of(names);
        this.bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            this.bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
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

    /** The field whose name is the plain (unescaped) bytes {@code in[start, end)}, or null. */
    static @Nullable UsageField named(byte[] in, int start, int end) {
        for (UsageField field : ALL) {
            if (field.is(in, start, end)) {
                return field;
            }
        }
        return null;
    }

    /** Whether the unescaped name {@code in[start, end)} is one of this field's. */
    boolean is(byte[] in, int start, int end) {
        for (byte[] name : bytes) {
            if (Arrays.equals(in, start, end, name, 0, name.length)) {
                return true;
            }
        }
        return false;
    }
}
