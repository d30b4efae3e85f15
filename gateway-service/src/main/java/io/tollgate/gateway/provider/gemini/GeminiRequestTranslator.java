package io.tollgate.gateway.provider.gemini;

import static io.tollgate.gateway.provider.OpenAiFields.decimal;
import static io.tollgate.gateway.provider.OpenAiFields.integer;
import static io.tollgate.gateway.provider.OpenAiFields.stopSequences;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.provider.gemini.schema.Content;
import io.tollgate.gateway.provider.gemini.schema.FunctionCall;
import io.tollgate.gateway.provider.gemini.schema.FunctionResponse;
import io.tollgate.gateway.provider.gemini.schema.GenerateContentRequest;
import io.tollgate.gateway.provider.gemini.schema.GenerationConfig;
import io.tollgate.gateway.provider.gemini.schema.Part;
import io.tollgate.gateway.provider.gemini.schema.Tool;
import io.tollgate.gateway.provider.gemini.schema.ToolConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI chat request as a Gemini generateContent request: system and developer messages become the
 * {@code systemInstruction}; user turns stay {@code user}, assistant turns become {@code model} (their tool calls
 * {@code functionCall} parts); tool results become {@code functionResponse} parts of a {@code user} turn, consecutive
 * ones together (parallel calls are answered in one turn); a call's thought signature comes back out of its id
 * ({@link ReplyStamp}); images in base64 data URLs become {@code inlineData}.
 * Sampling options go to {@code generationConfig}, JSON mode to {@code responseMimeType}/{@code responseJsonSchema}.
 */
final class GeminiRequestTranslator {

    private GeminiRequestTranslator() {
    }

    static byte[] translate(byte[] openAiBody) {
        return GeminiJson.write(request(GeminiJson.read(openAiBody)));
    }

    static GenerateContentRequest request(JsonNode body) {
        List<Part> system = new ArrayList<>();
        List<Content> contents = new ArrayList<>();
        Map<String, String> callNames = new HashMap<>();
        List<Part> toolResults = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            String role = message.path("role").asString("");
            if (!role.equals("tool") && !toolResults.isEmpty()) {
                contents.add(new Content("user", List.copyOf(toolResults)));
                toolResults.clear();
            }
            switch (role) {
                case "system", "developer" -> system.addAll(parts(message.path("content")));
                case "user" -> contents.add(new Content("user", parts(message.path("content"))));
                case "assistant" -> contents.add(new Content("model", assistantParts(message, callNames)));
                case "tool" -> toolResults.add(toolResult(message, callNames));
                default -> throw invalid("messages", "unsupported_role",
                        "Message role '" + role + "' cannot be sent to a Gemini model.");
            }
        }
        if (!toolResults.isEmpty()) {
            contents.add(new Content("user", List.copyOf(toolResults)));
        }
        var config = generationConfig(body);
        return new GenerateContentRequest(contents, system.isEmpty() ? null : new Content(null, system),
                tools(body.path("tools")), toolConfig(body.path("tool_choice")), config.isEmpty() ? null : config);
    }

    private static List<Part> parts(JsonNode content) {
        if (content.isString()) {
            return List.of(Part.text(content.asString()));
        }
        List<Part> parts = new ArrayList<>();
        for (JsonNode part : content) {
            switch (part.path("type").asString("")) {
                case "text" -> parts.add(Part.text(part.path("text").asString("")));
                case "image_url" -> parts.add(image(part.path("image_url").path("url").asString("")));
                default -> throw invalid("messages", "unsupported_content",
                        "Content of type '" + part.path("type").asString("") + "' cannot be sent to a Gemini model.");
            }
        }
        return parts;
    }

    /** {@code data:image/png;base64,...}; a web URL is refused: Gemini reads only its own file URIs. */
    private static Part image(String url) {
        int comma = url.indexOf(',');
        if (url.startsWith("data:") && comma > 0 && url.substring(0, comma).endsWith(";base64")) {
            String mimeType = url.substring("data:".length(), comma - ";base64".length());
            return Part.inline(new Part.Blob(mimeType, url.substring(comma + 1)));
        }
        throw invalid("messages", "unsupported_image_url",
                "Gemini models take images inline: send the image as a base64 data URL (data:image/png;base64,...).");
    }

    private static List<Part> assistantParts(JsonNode message, Map<String, String> callNames) {
        List<Part> parts = new ArrayList<>();
        JsonNode content = message.path("content");
        if (!content.isMissingNode() && !content.isNull() && !(content.isString() && content.asString().isEmpty())) {
            parts.addAll(parts(content));
        }
        for (JsonNode call : message.path("tool_calls")) {
            String id = call.path("id").asString("");
            String name = call.path("function").path("name").asString("");
            callNames.put(id, name);
            parts.add(Part.call(new FunctionCall(null, name, arguments(call.path("function").path("arguments"))),
                    ReplyStamp.thoughtSignature(id)));
        }
        return parts.isEmpty() ? List.of(Part.text("")) : parts;
    }

    private static JsonNode arguments(JsonNode arguments) {
        if (arguments.isObject()) {
            return arguments;
        }
        try {
            JsonNode parsed = GeminiJson.read(arguments.asString("{}").isBlank() ? "{}" : arguments.asString("{}"));
            if (parsed.isObject()) {
                return parsed;
            }
        } catch (JacksonException e) {
            // falls through to the refusal
        }
        throw invalid("messages", "invalid_tool_arguments", "A tool call's arguments must be a JSON object.");
    }

    /** The function's name comes from the assistant's call with the same id; the result must be a JSON object. */
    private static Part toolResult(JsonNode message, Map<String, String> callNames) {
        String id = message.path("tool_call_id").asString("");
        String name = callNames.get(id);
        if (name == null) {
            throw invalid("messages", "unknown_tool_call",
                    "The tool message answers tool call '" + id + "', which no earlier assistant message made.");
        }
        return Part.response(new FunctionResponse(null, name, result(message.path("content"))));
    }

    private static JsonNode result(JsonNode content) {
        String text;
        if (content.isArray()) {
            var joined = new StringBuilder();
            content.forEach(part -> joined.append(part.path("text").asString("")));
            text = joined.toString();
        } else {
            text = content.asString("");
        }
        try {
            JsonNode parsed = GeminiJson.read(text);
            if (parsed.isObject()) {
                return parsed;
            }
        } catch (JacksonException e) {
            // not JSON: wrapped below
        }
        ObjectNode wrapped = GeminiJson.object();
        wrapped.put("content", text);
        return wrapped;
    }

    private static @Nullable List<Tool> tools(JsonNode tools) {
        List<Tool.FunctionDeclaration> declarations = new ArrayList<>();
        for (JsonNode tool : tools) {
            if (!tool.path("type").asString("function").equals("function")) {
                throw invalid("tools", "unsupported_tool", "Only function tools can be sent to a Gemini model.");
            }
            JsonNode function = tool.path("function");
            JsonNode parameters = function.path("parameters");
            declarations.add(new Tool.FunctionDeclaration(function.path("name").asString(""),
                    function.path("description").isString() ? function.path("description").asString() : null,
                    parameters.isObject() ? parameters : null));
        }
        return declarations.isEmpty() ? null : List.of(new Tool(declarations));
    }

    private static @Nullable ToolConfig toolConfig(JsonNode choice) {
        if (choice.isString()) {
            String mode = switch (choice.asString()) {
                case "none" -> "NONE";
                case "required" -> "ANY";
                default -> "AUTO";
            };
            return new ToolConfig(new ToolConfig.FunctionCallingConfig(mode, null));
        }
        if (choice.isObject()) {
            String name = choice.path("function").path("name").asString("");
            return new ToolConfig(new ToolConfig.FunctionCallingConfig("ANY", List.of(name)));
        }
        return null;
    }

    private static GenerationConfig generationConfig(JsonNode body) {
        JsonNode format = body.path("response_format");
        String type = format.path("type").asString("");
        String mimeType = type.equals("json_object") || type.equals("json_schema") ? "application/json" : null;
        JsonNode schema = type.equals("json_schema") ? format.path("json_schema").path("schema") : null;
        JsonNode maxTokens = body.has("max_completion_tokens") ? body.path("max_completion_tokens") : body.path("max_tokens");
        return new GenerationConfig(stopSequences(body.path("stop")), mimeType,
                schema != null && schema.isObject() ? schema : null,
                integer(body.path("n")), integer(maxTokens), decimal(body.path("temperature")),
                decimal(body.path("top_p")), integer(body.path("top_k")), integer(body.path("seed")),
                decimal(body.path("presence_penalty")), decimal(body.path("frequency_penalty")));
    }

    private static RuntimeException invalid(String param, String code, String message) {
        return Rejection.invalidRequest(param, code, message).asException();
    }
}
