package io.tollgate.gateway.provider.bedrock;

import static io.tollgate.gateway.provider.OpenAiFields.decimal;
import static io.tollgate.gateway.provider.OpenAiFields.requireString;
import static io.tollgate.gateway.provider.OpenAiFields.stopSequences;
import static io.tollgate.gateway.provider.OpenAiFields.string;
import static io.tollgate.gateway.provider.OpenAiFields.texts;
import static io.tollgate.gateway.provider.OpenAiFields.toolCallArguments;
import static io.tollgate.gateway.provider.OpenAiFields.unsupported;
import static io.tollgate.gateway.provider.OpenAiFields.userContent;

import io.tollgate.gateway.provider.bedrock.schema.ContentBlock;
import io.tollgate.gateway.provider.bedrock.schema.ConverseRequest;
import io.tollgate.gateway.provider.bedrock.schema.Message;
import io.tollgate.gateway.provider.bedrock.schema.ToolConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI chat request as a Converse request. System and developer messages become {@code system}; user,
 * assistant and tool messages become alternating turns of content blocks (tool results in a user turn, consecutive
 * ones together, as Converse expects for parallel calls); {@code max_tokens}, temperature, top_p and stop become
 * {@code inferenceConfig}; function tools and tool_choice become {@code toolConfig}. Images travel as bytes, so only
 * base64 data URLs are accepted. JSON mode ({@code response_format} json_object or json_schema) is a forced tool,
 * {@value #JSON_TOOL}, whose input schema is the requested one and whose input is the answer (as Anthropic documents
 * for Claude; models that cannot be forced to a tool answer Bedrock's ValidationException). OpenAI fields without a
 * Converse counterpart (penalties, seed, logprobs, user, parallel_tool_calls) are left out; {@code n} above 1 and
 * content Converse cannot carry are refused.
 */
final class BedrockRequestTranslator {

    private static final Map<String, String> IMAGE_FORMATS = Map.of("image/png", "png", "image/jpeg", "jpeg",
            "image/jpg", "jpeg", "image/gif", "gif", "image/webp", "webp");

    /** The tool a JSON-mode request is forced to call; its input is the answer. */
    static final String JSON_TOOL = "json_response";

    private BedrockRequestTranslator() {
    }

    /** The Converse body, and whether the answer is the JSON tool's input. */
    record Translated(byte[] body, boolean jsonMode) {
    }

    static Translated translate(byte[] body, OptionalInt maxTokens) {
        JsonNode root;
        try {
            root = BedrockJson.OPENAI.readTree(body);
        } catch (JacksonException e) {
            throw unsupported(null, "The request body is not valid JSON.");
        }
        if (root.path("n").isNumber() && root.path("n").asInt() != 1) {
            throw unsupported("n", "This model's provider returns one choice per request; n must be 1.");
        }
        String format = string(root.path("response_format").path("type"));
        boolean jsonMode = "json_object".equals(format) || "json_schema".equals(format);
        List<ConverseRequest.SystemBlock> system = new ArrayList<>();
        var turns = new Turns();
        for (JsonNode message : root.path("messages")) {
            String role = string(message.path("role"));
            switch (role == null ? "" : role) {
                case "system", "developer" -> texts(message.path("content"))
                        .forEach(text -> system.add(new ConverseRequest.SystemBlock(text)));
                case "user" -> turns.add("user", userBlocks(message.path("content")));
                case "assistant" -> turns.add("assistant", assistantBlocks(message));
                case "tool" -> turns.add("user", List.of(ContentBlock.toolResult(
                        requireString(message.path("tool_call_id"), "messages"), joined(message.path("content")))));
                default -> throw unsupported("messages", "Messages with the role '" + role
                        + "' cannot be sent to this model's provider.");
            }
        }
        var inference = new ConverseRequest.InferenceConfig(maxTokens.isPresent() ? maxTokens.getAsInt() : null,
                decimal(root.path("temperature")), decimal(root.path("top_p")), stopSequences(root.path("stop")));
        var tools = jsonMode ? jsonTool(root, turns.hasToolBlocks()) : toolConfig(root, turns.hasToolBlocks());
        var request = new ConverseRequest(turns.messages(), system.isEmpty() ? null : system,
                inference.empty() ? null : inference, tools);
        return new Translated(BedrockJson.BEDROCK.writeValueAsBytes(request), jsonMode);
    }

    /** Consecutive messages of one role are one turn: Converse expects user and assistant turns to alternate. */
    private static final class Turns {

        private final List<Message> messages = new ArrayList<>();
        private boolean toolBlocks;

        void add(String role, List<ContentBlock> blocks) {
            if (blocks.isEmpty()) {
                return;
            }
            toolBlocks |= blocks.stream().anyMatch(block -> block.toolUse() != null || block.toolResult() != null);
            if (!messages.isEmpty() && messages.getLast().role().equals(role)) {
                messages.getLast().content().addAll(blocks);
            } else {
                messages.add(new Message(role, new ArrayList<>(blocks)));
            }
        }

        List<Message> messages() {
            return messages;
        }

        boolean hasToolBlocks() {
            return toolBlocks;
        }
    }

    private static List<ContentBlock> userBlocks(JsonNode content) {
        return userContent(content, ContentBlock::text, BedrockRequestTranslator::image);
    }

    /** Converse takes an image's bytes (or an S3 location), not a URL to fetch: a base64 data URL only. */
    private static ContentBlock image(JsonNode imageUrl) {
        String url = imageUrl.isString() ? imageUrl.asString() : string(imageUrl.path("url"));
        if (url != null && url.startsWith("data:")) {
            int base64 = url.indexOf(";base64,");
            String format = base64 > 5 ? IMAGE_FORMATS.get(url.substring(5, base64)) : null;
            if (format != null) {
                return ContentBlock.image(format, url.substring(base64 + 8));
            }
        }
        throw unsupported("messages", "This model's provider (AWS Bedrock) takes images as base64 data URLs of PNG, JPEG,"
                + " GIF or WebP images.");
    }

    private static List<ContentBlock> assistantBlocks(JsonNode message) {
        JsonNode content = message.path("content");
        List<ContentBlock> blocks = content.isNull() || content.isMissingNode()
                ? new ArrayList<>() : texts(content, ContentBlock::text);
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            blocks.add(ContentBlock.toolUse(requireString(call.path("id"), "messages"),
                    requireString(function.path("name"), "messages"),
                    toolCallArguments(function, BedrockJson.OPENAI)));
        }
        return blocks;
    }

    private static String joined(JsonNode content) {
        return content.isString() ? content.asString() : String.join("", texts(content));
    }

    /**
     * Converse has no "none" choice: tools are then left out, unless the conversation already holds tool blocks
     * (Converse refuses those without a tool configuration), where the model may still choose to call one.
     */
    private static @Nullable ToolConfig toolConfig(JsonNode root, boolean historyHasToolBlocks) {
        List<ToolConfig.Tool> tools = new ArrayList<>();
        for (JsonNode tool : root.path("tools")) {
            if (!"function".equals(string(tool.path("type")))) {
                throw unsupported("tools", "Only function tools can be sent to this model's provider.");
            }
            JsonNode function = tool.path("function");
            JsonNode parameters = function.path("parameters");
            tools.add(ToolConfig.Tool.of(requireString(function.path("name"), "tools"),
                    string(function.path("description")), parameters.isObject() ? parameters : emptyObjectSchema()));
        }
        if (tools.isEmpty()) {
            return null;
        }
        JsonNode choice = root.path("tool_choice");
        if (choice.isObject()) {
            return new ToolConfig(tools, ToolConfig.ToolChoice.ofTool(requireString(choice.path("function").path("name"),
                    "tool_choice")));
        }
        return switch (choice.isString() ? choice.asString() : "auto") {
            case "none" -> historyHasToolBlocks ? new ToolConfig(tools, null) : null;
            case "required" -> new ToolConfig(tools, ToolConfig.ToolChoice.ofAny());
            case "auto" -> new ToolConfig(tools, choice.isString() ? ToolConfig.ToolChoice.ofAuto() : null);
            default -> throw unsupported("tool_choice", "tool_choice must be none, auto, required or a named function.");
        };
    }

    /** The client's tools (a conversation may already hold their calls) and the JSON tool, which is forced. */
    private static ToolConfig jsonTool(JsonNode root, boolean historyHasToolBlocks) {
        JsonNode schema = root.path("response_format").path("json_schema").path("schema");
        List<ToolConfig.Tool> tools = new ArrayList<>();
        var offered = toolConfig(root, historyHasToolBlocks);
        if (offered != null) {
            tools.addAll(offered.tools());
        }
        tools.add(ToolConfig.Tool.of(JSON_TOOL, "Answer with the JSON this tool takes as its input.",
                schema.isObject() ? schema : BedrockJson.OPENAI.createObjectNode().put("type", "object")));
        return new ToolConfig(tools, ToolConfig.ToolChoice.ofTool(JSON_TOOL));
    }

    private static JsonNode emptyObjectSchema() {
        var schema = BedrockJson.OPENAI.createObjectNode().put("type", "object");
        schema.putObject("properties");
        return schema;
    }
}
