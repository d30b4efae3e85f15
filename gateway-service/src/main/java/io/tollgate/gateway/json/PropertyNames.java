package io.tollgate.gateway.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The property names of OpenAI's request bodies and answers as constant strings, found by their bytes, so that reading
 * a body makes no string for a name it knows; any other name is made when it is asked for.
 */
final class PropertyNames {

    private static final List<String> KNOWN = List.of(
            "model", "messages", "prompt", "input", "user", "stream", "stream_options", "include_usage", "max_tokens",
            "max_completion_tokens", "n", "temperature", "top_p", "presence_penalty", "frequency_penalty", "stop",
            "logprobs", "top_logprobs", "best_of", "echo", "suffix", "dimensions", "encoding_format", "seed", "tools",
            "tool_choice", "parallel_tool_calls", "response_format", "logit_bias", "metadata", "store", "service_tier",
            "modalities", "audio", "prediction", "reasoning_effort", "web_search_options", "role", "content",
            "tool_call_id", "name", "tool_calls", "function_call", "refusal", "type", "text", "image_url", "url",
            "detail", "input_audio", "data", "format", "file", "file_id", "file_data", "filename", "id", "function",
            "arguments", "description", "parameters", "strict", "properties", "required", "items", "enum",
            "additionalProperties", "json_schema", "schema", "cache_control",
            // and of the answers whose usage is read
            "object", "created", "choices", "index", "message", "delta", "finish_reason", "system_fingerprint",
            "usage", "prompt_tokens", "completion_tokens", "total_tokens", "prompt_tokens_details",
            "completion_tokens_details", "cached_tokens", "audio_tokens", "reasoning_tokens",
            "accepted_prediction_tokens", "rejected_prediction_tokens", "input_tokens", "output_tokens",
            "input_tokens_details", "output_tokens_details");
    private static final int SLOTS = 256;
    private static final String[] NAMES = new String[SLOTS];
    private static final byte[][] BYTES = new byte[SLOTS][];

    static {
        for (String name : KNOWN) {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            int slot = slot(ObjectKeys.hash(bytes, 0, bytes.length));
            while (NAMES[slot] != null) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            NAMES[slot] = name;
            BYTES[slot] = bytes;
        }
    }

    private PropertyNames() {
    }

    /** The name whose plain (unescaped) bytes are {@code in[start, end)}. */
    static String of(byte[] in, int start, int end) {
        int slot = slot(ObjectKeys.hash(in, start, end));
        for (byte[] known = BYTES[slot]; known != null; known = BYTES[slot]) {
            if (Arrays.equals(known, 0, known.length, in, start, end)) {
                return NAMES[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return new String(in, start, end - start, StandardCharsets.UTF_8);
    }

    private static int slot(int hash) {
        return (hash * 0x9E3779B9) >>> 24;
    }
}
