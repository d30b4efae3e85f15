package io.tollgate.gateway.provider.gemini.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One part of a turn; exactly one of its data fields is set. {@code thought} marks a thinking summary, not answer
 * text; {@code thoughtSignature} is the model's encrypted reasoning state, which Gemini 3 requires back on the
 * {@code functionCall} parts of the history.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Part(@Nullable String text, @Nullable Blob inlineData, @Nullable FileData fileData,
                   @Nullable FunctionCall functionCall, @Nullable FunctionResponse functionResponse,
                   @Nullable Boolean thought, @Nullable String thoughtSignature) {

    public static Part text(String text) {
        return new Part(text, null, null, null, null, null, null);
    }

    public static Part inline(Blob blob) {
        return new Part(null, blob, null, null, null, null, null);
    }

    public static Part call(FunctionCall call, @Nullable String thoughtSignature) {
        return new Part(null, null, null, call, null, null, thoughtSignature);
    }

    public static Part response(FunctionResponse response) {
        return new Part(null, null, null, null, response, null, null);
    }

    /** Raw bytes, base64 in JSON. */
    public record Blob(String mimeType, String data) {
    }

    /** Data by URI (a Files API or Cloud Storage URI). */
    public record FileData(@Nullable String mimeType, String fileUri) {
    }
}
