package io.tollgate.gateway.pipeline;

import java.util.OptionalInt;

/**
 * What the gateway needs to know of a request body, read once with a streaming parser.
 *
 * @param maxTokens    the larger of max_tokens and max_completion_tokens, when either is set
 * @param includeUsage whether the client itself asked for {@code stream_options.include_usage}
 * @param prompt       the text of the endpoint's input field, for counting its tokens
 * @param choices      how many completions the model generates: n, or best_of when larger (legacy completions); 1
 *                     when neither is set
 */
public record RequestFacts(String model, boolean stream, OptionalInt maxTokens, boolean includeUsage,
                           PromptText prompt, int choices) {

    /** The longest requested model name kept in usage records; the catalog's names are at most 128 characters. */
    static final int LONGEST_RECORDED_MODEL = 128;

    public RequestFacts {
        if (choices < 1) {
            throw new IllegalArgumentException("choices must be at least 1: " + choices);
        }
    }

    /** Facts of a request for one choice. */
    public RequestFacts(String model, boolean stream, OptionalInt maxTokens, boolean includeUsage, PromptText prompt) {
        this(model, stream, maxTokens, includeUsage, prompt, 1);
    }

    /**
     * The requested model as usage records keep it: any string a caller sends, so cut to the length a catalog name
     * can have (a longer one names no model anyway).
     */
    public String recordedModel() {
        if (model.length() <= LONGEST_RECORDED_MODEL) {
            return model;
        }
        int end = Character.isHighSurrogate(model.charAt(LONGEST_RECORDED_MODEL - 1)) ? LONGEST_RECORDED_MODEL - 1
                : LONGEST_RECORDED_MODEL;
        return model.substring(0, end);
    }
}
