package io.tollgate.gateway.provider.gemini.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code models/{model}:generateContent} and {@code :streamGenerateContent}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerateContentRequest(List<Content> contents, @Nullable Content systemInstruction,
                                     @Nullable List<Tool> tools, @Nullable ToolConfig toolConfig,
                                     @Nullable GenerationConfig generationConfig) {
}
