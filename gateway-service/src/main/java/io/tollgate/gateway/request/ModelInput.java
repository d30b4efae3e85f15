package io.tollgate.gateway.request;

import static io.tollgate.gateway.request.InvalidBody.invalidType;
import static io.tollgate.gateway.request.InvalidBody.invalidValue;
import static io.tollgate.gateway.request.InvalidBody.missing;

import io.tollgate.gateway.json.JsonCursor;
import io.tollgate.gateway.json.JsonStrings;
import io.tollgate.gateway.pipeline.PromptText;
import tools.jackson.core.JsonToken;

/**
 * Reads and checks {@code prompt} (completions) or {@code input} (embeddings) as OpenAI's reference defines them: a
 * string, an array of strings, an array of token ids or an array of token-id arrays, never an empty array. Embeddings
 * also refuse empty strings and arrays of more than 2,048 entries. The strings are kept for token counting, token ids
 * counted as they are.
 */
final class ModelInput {

    static final int MOST_EMBEDDING_INPUTS = 2048;
    private static final String EXPECTED = "a string, an array of strings, an array of token ids or an array of"
            + " token-id arrays";

    private ModelInput() {
    }

    static PromptText read(JsonCursor parser, JsonToken value, String field, boolean embeddings) {
        if (value == JsonToken.VALUE_NULL) {
            throw missing(field, "Missing required parameter: '" + field + "'.");
        }
        if (value == JsonToken.VALUE_STRING) {
            var text = JsonStrings.in(parser);
            text.addCurrent(parser);
            if (embeddings && text.isEmpty(0)) {
                throw invalidValue(field, "the input must not be an empty string.");
            }
            return new PromptText(text, 0, 0);
        }
        if (value != JsonToken.START_ARRAY) {
            throw invalidType(field, EXPECTED);
        }
        var parts = JsonStrings.in(parser);
        int tokenIds = 0;
        int items = 0;
        JsonToken kind = null;
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (kind == null) {
                kind = item;
            }
            if (item != kind || item != JsonToken.VALUE_STRING && item != JsonToken.VALUE_NUMBER_INT
                    && item != JsonToken.START_ARRAY) {
                throw invalidType(field + "[" + items + "]",
                        "entries of one kind: strings, token ids or token-id arrays");
            }
            if (item == JsonToken.VALUE_STRING) {
                parts.addCurrent(parser);
                if (embeddings && parts.isEmpty(parts.size() - 1)) {
                    throw invalidValue(field + "[" + items + "]", "the input must not be an empty string.");
                }
            } else if (item == JsonToken.VALUE_NUMBER_INT) {
                tokenIds++;
            } else {
                tokenIds += tokenArray(parser, field, items);
            }
            items++;
        }
        if (items == 0) {
            throw invalidValue(field, "expected a non-empty array.");
        }
        if (embeddings && items > MOST_EMBEDDING_INPUTS) {
            throw invalidValue(field, "expected at most " + MOST_EMBEDDING_INPUTS + " inputs, got " + items + ".");
        }
        return new PromptText(parts, 0, tokenIds);
    }

    private static int tokenArray(JsonCursor parser, String field, int index) {
        int tokens = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw invalidType(field + "[" + index + "][" + tokens + "]", "an integer token id");
            }
            tokens++;
        }
        if (tokens == 0) {
            throw invalidValue(field + "[" + index + "]", "expected a non-empty array of token ids.");
        }
        return tokens;
    }
}
