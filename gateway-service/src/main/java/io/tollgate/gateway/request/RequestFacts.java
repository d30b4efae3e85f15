package io.tollgate.gateway.request;

import io.tollgate.gateway.metering.PromptText;
import java.util.OptionalInt;

/**
 * What the gateway needs to know of a request body, read once with a streaming parser.
 *
 * @param includeUsage whether the client itself asked for {@code stream_options.include_usage}
 * @param prompt       the text of the endpoint's input field, for counting its tokens
 */
public record RequestFacts(String model, boolean stream, OptionalInt maxTokens, boolean includeUsage,
                           PromptText prompt) {
}
