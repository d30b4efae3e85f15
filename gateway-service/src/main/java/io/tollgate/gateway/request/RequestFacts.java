package io.tollgate.gateway.request;

import java.util.OptionalInt;

/**
 * What the gateway needs to know of a request body, read once with a streaming parser.
 *
 * @param includeUsage whether the client itself asked for {@code stream_options.include_usage}
 */
public record RequestFacts(String model, boolean stream, OptionalInt maxTokens, boolean includeUsage) {
}
