package io.tollgate.gateway.provider.gemini.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code models/{model}:batchEmbedContents}: one request per text, each naming the model. */
public record BatchEmbedContentsRequest(List<EmbedContentRequest> requests) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EmbedContentRequest(String model, Content content, @Nullable Integer outputDimensionality) {
    }
}
