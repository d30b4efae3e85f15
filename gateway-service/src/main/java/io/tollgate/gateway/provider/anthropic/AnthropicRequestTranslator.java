package io.tollgate.gateway.provider.anthropic;

import static io.tollgate.gateway.provider.OpenAiFields.decimal;
import static io.tollgate.gateway.provider.OpenAiFields.requireString;
import static io.tollgate.gateway.provider.OpenAiFields.stopSequences;
import static io.tollgate.gateway.provider.OpenAiFields.string;
import static io.tollgate.gateway.provider.OpenAiFields.texts;
import static io.tollgate.gateway.provider.OpenAiFields.toolCallArguments;
import static io.tollgate.gateway.provider.OpenAiFields.unsupported;
import static io.tollgate.gateway.provider.OpenAiFields.userContent;

import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.wire.anthropic.ContentBlock;
import io.tollgate.gateway.wire.anthropic.MessagesRequest;
import io.tollgate.gateway.wire.anthropic.Tool;
import io.tollgate.gateway.wire.anthropic.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI chat request as an Anthropic Messages request. System and developer messages become {@code system};
 * user, assistant and tool messages become alternating turns of content blocks (tool results in a user turn);
 * {@code max_tokens} is required there, so it is the request's, else the model's maximum output from the catalog,
 * else {@value #DEFAULT_MAX_TOKENS}. JSON mode is the documented forced tool whose input is the answer;
 * {@code reasoning_effort} becomes a thinking budget. OpenAI fields Anthropic has no counterpart for (penalties,
 * seed, logprobs, ...) are left out; {@code n} above 1 and content it cannot carry (audio, files) are refused.
 */
final class AnthropicRequestTranslator {

    /** The tool a JSON-mode request is forced to call; its input is the answer. */
    static final String JSON_TOOL = "json_response";
    static final int DEFAULT_MAX_TOKENS = 4096;
    /** Anthropic's smallest thinking budget. */
    static final int MIN_THINKING_BUDGET = 1024;
    private static final Map<String, Integer> THINKING_BUDGETS = Map.of("low", 1024, "medium", 4096, "high", 16384);

    private AnthropicRequestTranslator() {
    }

    /** The provider's body, and whether the answer is the JSON tool's input. */
    record Translated(byte[] body, boolean jsonMode) {
    }

    static Translated translate(UpstreamRequest request) {
        return translate(request.body(), request.upstreamModel(), request.completionCap(), request.stream());
    }

    static Translated translate(byte[] body, String upstreamModel, OptionalInt completionCap, boolean stream) {
        JsonNode root;
        try {
            root = AnthropicJson.OPENAI.readTree(body);
        } catch (JacksonException e) {
            throw unsupported(null, "The request body is not valid JSON.");
        }
        if (root.path("n").isNumber() && root.path("n").asInt() != 1) {
            throw unsupported("n", "This model's provider returns one choice per request; n must be 1.");
        }
        List<ContentBlock> system = new ArrayList<>();
        var turns = new Turns();
        for (JsonNode message : root.path("messages")) {
            String role = string(message.path("role"));
            switch (role == null ? "" : role) {
                case "system", "developer" -> system.addAll(texts(message.path("content"), ContentBlock::text));
                case "user" -> turns.add("user", userBlocks(message.path("content")));
                case "assistant" -> turns.add("assistant", assistantBlocks(message));
                case "tool" -> turns.add("user", List.of(ContentBlock.toolResult(
                        requireString(message.path("tool_call_id"), "messages"), joinedText(message.path("content")))));
                default -> throw unsupported("messages", "Messages with the role '" + role
                        + "' cannot be sent to this model's provider.");
            }
        }
        int maxTokens = completionCap.orElse(DEFAULT_MAX_TOKENS);
        boolean jsonMode = jsonMode(root.path("response_format"));
        List<Tool> tools = tools(root.path("tools"));
        ToolChoice toolChoice = toolChoice(root, !tools.isEmpty());
        if (jsonMode) {
            tools.add(new Tool(JSON_TOOL, "Answer with the JSON this tool takes as its input.", jsonSchema(root)));
            toolChoice = ToolChoice.tool(JSON_TOOL, null);
        }
        boolean forcedTool = toolChoice != null && (toolChoice.type().equals("any") || toolChoice.type().equals("tool"));
        var thinking = forcedTool ? null : thinking(root.path("reasoning_effort"), maxTokens);
        JsonNode user = root.path("user");
        var request = new MessagesRequest(upstreamModel, maxTokens, system(system), turns.messages(),
                thinking == null ? decimal(root.path("temperature")) : null,
                thinking == null ? decimal(root.path("top_p")) : null,
                thinking == null && root.path("top_k").isIntegralNumber() ? root.path("top_k").asInt() : null,
                stopSequences(root.path("stop")), tools.isEmpty() ? null : tools, toolChoice, thinking,
                user.isString() ? new MessagesRequest.Metadata(user.asString()) : null, stream ? Boolean.TRUE : null);
        return new Translated(AnthropicJson.ANTHROPIC.writeValueAsBytes(request), jsonMode);
    }

    /** Consecutive messages of one role are one turn, as Anthropic expects alternating turns. */
    private static final class Turns {

        private final List<MessagesRequest.Message> messages = new ArrayList<>();

        void add(String role, List<ContentBlock> blocks) {
            if (blocks.isEmpty()) {
                return;
            }
            if (!messages.isEmpty() && messages.getLast().role().equals(role)) {
                messages.getLast().content().addAll(blocks);
            } else {
                messages.add(new MessagesRequest.Message(role, new ArrayList<>(blocks)));
            }
        }

        List<MessagesRequest.Message> messages() {
            return messages;
        }
    }

    private static @Nullable Object system(List<ContentBlock> blocks) {
        if (blocks.isEmpty()) {
            return null;
        }
        return blocks.size() == 1 ? blocks.getFirst().text() : blocks;
    }

    private static List<ContentBlock> userBlocks(JsonNode content) {
        return userContent(content, ContentBlock::text, AnthropicRequestTranslator::image);
    }

    /** A base64 data URL or an http(s) URL. */
    private static ContentBlock image(JsonNode imageUrl) {
        String url = imageUrl.isString() ? imageUrl.asString() : string(imageUrl.path("url"));
        if (url != null && url.startsWith("data:")) {
            int base64 = url.indexOf(";base64,");
            if (base64 > 5) {
                return ContentBlock.image(ContentBlock.ImageSource.base64(url.substring(5, base64),
                        url.substring(base64 + 8)));
            }
        } else if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            return ContentBlock.image(ContentBlock.ImageSource.url(url));
        }
        throw unsupported("messages", "An image_url must be an http(s) URL or a base64 data URL.");
    }

    private static List<ContentBlock> assistantBlocks(JsonNode message) {
        JsonNode content = message.path("content");
        List<ContentBlock> blocks = content.isNull() || content.isMissingNode()
                ? new ArrayList<>() : texts(content, ContentBlock::text);
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            blocks.add(ContentBlock.toolUse(requireString(call.path("id"), "messages"),
                    requireString(function.path("name"), "messages"),
                    toolCallArguments(function, AnthropicJson.OPENAI)));
        }
        return blocks;
    }

    private static String joinedText(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        var text = new StringBuilder();
        for (JsonNode part : content) {
            String piece = string(part.path("text"));
            if (piece != null) {
                text.append(piece);
            }
        }
        return text.toString();
    }

    private static List<Tool> tools(JsonNode tools) {
        List<Tool> translated = new ArrayList<>();
        for (JsonNode tool : tools) {
            if (!"function".equals(string(tool.path("type")))) {
                throw unsupported("tools", "Only function tools can be sent to this model's provider.");
            }
            JsonNode function = tool.path("function");
            JsonNode parameters = function.path("parameters");
            translated.add(new Tool(requireString(function.path("name"), "tools"), string(function.path("description")),
                    parameters.isObject() ? parameters : emptyObjectSchema()));
        }
        return translated;
    }

    private static @Nullable ToolChoice toolChoice(JsonNode root, boolean hasTools) {
        if (!hasTools) {
            return null;
        }
        Boolean disableParallel = root.path("parallel_tool_calls").isBoolean() && !root.path("parallel_tool_calls").asBoolean()
                ? Boolean.TRUE : null;
        JsonNode choice = root.path("tool_choice");
        if (choice.isObject()) {
            return ToolChoice.tool(requireString(choice.path("function").path("name"), "tool_choice"), disableParallel);
        }
        return switch (choice.isString() ? choice.asString() : "auto") {
            case "none" -> ToolChoice.of("none", null);
            case "required" -> ToolChoice.of("any", disableParallel);
            case "auto" -> disableParallel == null ? null : ToolChoice.of("auto", disableParallel);
            default -> throw unsupported("tool_choice", "tool_choice must be none, auto, required or a named function.");
        };
    }

    private static boolean jsonMode(JsonNode responseFormat) {
        String type = string(responseFormat.path("type"));
        return "json_object".equals(type) || "json_schema".equals(type);
    }

    private static JsonNode jsonSchema(JsonNode root) {
        JsonNode schema = root.path("response_format").path("json_schema").path("schema");
        return schema.isObject() ? schema : AnthropicJson.OPENAI.createObjectNode().put("type", "object");
    }

    private static JsonNode emptyObjectSchema() {
        var schema = AnthropicJson.OPENAI.createObjectNode().put("type", "object");
        schema.putObject("properties");
        return schema;
    }

    /** A budget below max_tokens, as Anthropic requires; none when that leaves less than the smallest budget. */
    private static MessagesRequest.@Nullable Thinking thinking(JsonNode effort, int maxTokens) {
        Integer budget = effort.isString() ? THINKING_BUDGETS.get(effort.asString()) : null;
        if (budget == null) {
            return null;
        }
        int fitted = Math.min(budget, maxTokens - 1);
        return fitted < MIN_THINKING_BUDGET ? null : MessagesRequest.Thinking.enabled(fitted);
    }
}
