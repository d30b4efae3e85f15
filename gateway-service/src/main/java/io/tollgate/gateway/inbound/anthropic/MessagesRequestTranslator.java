package io.tollgate.gateway.inbound.anthropic;

import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Messages request ({@code POST /v1/messages}) checked against Anthropic's API reference and written in the
 * canonical form, an OpenAI chat request: {@code system} becomes a system message; user turns become user messages
 * with text and image parts, their {@code tool_result} blocks tool messages ahead of them; assistant turns become
 * assistant messages whose {@code tool_use} blocks are tool calls; tools, {@code tool_choice}, {@code max_tokens},
 * {@code stop_sequences}, temperature, {@code top_p} and {@code metadata.user_id} take their OpenAI names, and a
 * stream asks for its usage. What OpenAI's form cannot carry (documents, server tools, images inside tool results,
 * more than 4 stop sequences) is named in {@link Translated#untranslatable()}: an Anthropic provider still gets the
 * request as it is, another provider refuses it. Sampling hints OpenAI lacks ({@code top_k}, {@code thinking}) and the
 * thinking blocks of earlier turns are left out of the canonical form; {@code cache_control} marks too.
 */
final class MessagesRequestTranslator {

    private static final Set<String> ROLES = Set.of("user", "assistant");
    private static final Set<String> TOOL_CHOICES = Set.of("auto", "any", "tool", "none");
    private static final int MOST_OPENAI_STOPS = 4;

    private MessagesRequestTranslator() {
    }

    /**
     * @param canonical      the OpenAI chat body
     * @param untranslatable what the canonical form leaves out that matters, null when nothing
     */
    record Translated(byte[] canonical, @Nullable String untranslatable) {
    }

    /**
     * @param maxTokensRequired false for token counting, whose requests carry no {@code max_tokens}
     * @throws RejectedException a 400 naming the field that is missing or wrong
     */
    static Translated translate(byte[] body, boolean maxTokensRequired) {
        JsonNode root;
        try {
            root = InboundJson.CLIENT.readTree(body);
        } catch (JacksonException e) {
            throw e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate Object property")
                    ? invalid(null, "duplicate_key", "The request body names the same key twice in one object.")
                    : invalid(null, "invalid_json", "The request body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw invalid(null, "invalid_json", "The request body must be a JSON object.");
        }
        var translation = new Translation();
        return translation.translate(root, maxTokensRequired);
    }

    /** One request's translation; remembers the first thing the canonical form cannot carry. */
    private static final class Translation {

        private final ObjectNode canonical = InboundJson.CLIENT.createObjectNode();
        private @Nullable String untranslatable;

        Translated translate(JsonNode root, boolean maxTokensRequired) {
            JsonNode model = root.path("model");
            if (!model.isString() || model.asString().isBlank()) {
                throw missingOrInvalid("model", model, "a string");
            }
            canonical.put("model", model.asString());
            JsonNode maxTokens = root.path("max_tokens");
            if (!maxTokens.isMissingNode() || maxTokensRequired) {
                if (!maxTokens.isIntegralNumber() || !maxTokens.canConvertToInt() || maxTokens.asInt() < 1) {
                    throw missingOrInvalid("max_tokens", maxTokens, "an integer of at least 1");
                }
                canonical.put("max_tokens", maxTokens.asInt());
            }
            ArrayNode messages = canonical.putArray("messages");
            system(root.path("system"), messages);
            turns(root.path("messages"), messages);
            sampling(root);
            tools(root.path("tools"));
            toolChoice(root.path("tool_choice"));
            JsonNode userId = root.path("metadata").path("user_id");
            if (userId.isString()) {
                canonical.put("user", userId.asString());
            }
            JsonNode stream = root.path("stream");
            if (!stream.isMissingNode() && !stream.isNull() && !stream.isBoolean()) {
                throw invalid("stream", "invalid_type", "stream: Input should be a valid boolean.");
            }
            if (stream.asBoolean(false)) {
                canonical.put("stream", true);
                canonical.putObject("stream_options").put("include_usage", true);
            }
            return new Translated(InboundJson.CLIENT.writeValueAsBytes(canonical), untranslatable);
        }

        private void system(JsonNode system, ArrayNode messages) {
            if (system.isMissingNode() || system.isNull()) {
                return;
            }
            String text = system.isString() ? system.asString() : textOf(system, "system", Set.of("text"));
            messages.addObject().put("role", "system").put("content", text);
        }

        private void turns(JsonNode turns, ArrayNode messages) {
            if (!turns.isArray() || turns.isEmpty()) {
                throw missingOrInvalid("messages", turns, "a non-empty list");
            }
            for (int i = 0; i < turns.size(); i++) {
                JsonNode turn = turns.get(i);
                String param = "messages." + i;
                String role = turn.path("role").isString() ? turn.path("role").asString() : "";
                if (!ROLES.contains(role)) {
                    throw invalid(param + ".role", "invalid_value",
                            param + ".role: Input should be 'user' or 'assistant'.");
                }
                JsonNode content = turn.path("content");
                if (content.isString()) {
                    messages.addObject().put("role", role).put("content", content.asString());
                } else if (content.isArray()) {
                    if (role.equals("user")) {
                        user(content, param, messages);
                    } else {
                        assistant(content, param, messages);
                    }
                } else {
                    throw missingOrInvalid(param + ".content", content, "a string or a list of content blocks");
                }
            }
        }

        /** Tool results first, as tool messages (OpenAI wants them right after the calls), then the rest. */
        private void user(JsonNode blocks, String param, ArrayNode messages) {
            ArrayNode parts = InboundJson.CLIENT.createArrayNode();
            boolean toolResults = false;
            for (int i = 0; i < blocks.size(); i++) {
                JsonNode block = blocks.get(i);
                String blockParam = param + ".content." + i;
                switch (type(block, blockParam)) {
                    case "text" -> parts.addObject().put("type", "text").put("text", text(block, blockParam));
                    case "image" -> image(block.path("source"), blockParam, parts);
                    case "tool_result" -> {
                        JsonNode id = block.path("tool_use_id");
                        if (!id.isString()) {
                            throw missingOrInvalid(blockParam + ".tool_use_id", id, "a string");
                        }
                        JsonNode content = block.path("content");
                        String result = content.isString() || content.isMissingNode() ? content.asString("")
                                : textOf(content, blockParam + ".content", Set.of("text", "image"));
                        messages.addObject().put("role", "tool").put("tool_call_id", id.asString())
                                .put("content", result);
                        toolResults = true;
                    }
                    default -> untranslatable("content of type '" + block.path("type").asString() + "'");
                }
            }
            if (!parts.isEmpty()) {
                messages.addObject().put("role", "user").set("content", parts);
            } else if (!toolResults) {
                // a turn of untranslatable blocks only still counts as a turn (its provider may be Anthropic)
                messages.addObject().put("role", "user").put("content", "");
            }
        }

        private void assistant(JsonNode blocks, String param, ArrayNode messages) {
            var text = new StringBuilder();
            ArrayNode calls = InboundJson.CLIENT.createArrayNode();
            for (int i = 0; i < blocks.size(); i++) {
                JsonNode block = blocks.get(i);
                String blockParam = param + ".content." + i;
                switch (type(block, blockParam)) {
                    case "text" -> text.append(text(block, blockParam));
                    case "tool_use" -> {
                        JsonNode id = block.path("id");
                        JsonNode name = block.path("name");
                        if (!id.isString() || !name.isString()) {
                            throw missingOrInvalid(blockParam + (id.isString() ? ".name" : ".id"),
                                    id.isString() ? name : id, "a string");
                        }
                        JsonNode input = block.path("input");
                        ObjectNode call = calls.addObject().put("id", id.asString()).put("type", "function");
                        call.putObject("function").put("name", name.asString())
                                .put("arguments", InboundJson.CLIENT.writeValueAsString(
                                        input.isObject() ? input : InboundJson.CLIENT.createObjectNode()));
                    }
                    // earlier turns' thinking is Anthropic's own; other providers neither need nor take it
                    case "thinking", "redacted_thinking" -> {
                    }
                    default -> untranslatable("content of type '" + block.path("type").asString() + "'");
                }
            }
            ObjectNode message = messages.addObject().put("role", "assistant");
            if (calls.isEmpty() || !text.isEmpty()) {
                message.put("content", text.toString());
            } else {
                message.putNull("content");
            }
            if (!calls.isEmpty()) {
                message.set("tool_calls", calls);
            }
        }

        private void image(JsonNode source, String param, ArrayNode parts) {
            String sourceType = source.path("type").asString("");
            String url = switch (sourceType) {
                case "base64" -> {
                    if (!source.path("media_type").isString() || !source.path("data").isString()) {
                        throw invalid(param + ".source", "invalid_value",
                                param + ".source: a base64 image needs media_type and data.");
                    }
                    yield "data:" + source.path("media_type").asString() + ";base64," + source.path("data").asString();
                }
                case "url" -> {
                    if (!source.path("url").isString()) {
                        throw missingOrInvalid(param + ".source.url", source.path("url"), "a string");
                    }
                    yield source.path("url").asString();
                }
                default -> null;
            };
            if (url == null) {
                untranslatable("an image source of type '" + sourceType + "'");
                return;
            }
            parts.addObject().put("type", "image_url").putObject("image_url").put("url", url);
        }

        private void sampling(JsonNode root) {
            number(root, "temperature", 0, 1);
            number(root, "top_p", 0, 1);
            JsonNode topK = root.path("top_k");
            if (!topK.isMissingNode() && (!topK.isIntegralNumber() || topK.asLong() < 0)) {
                throw invalid("top_k", "invalid_value", "top_k: Input should be an integer of at least 0.");
            }
            JsonNode stops = root.path("stop_sequences");
            if (stops.isMissingNode()) {
                return;
            }
            if (!stops.isArray()) {
                throw invalid("stop_sequences", "invalid_type", "stop_sequences: Input should be a valid list.");
            }
            ArrayNode stop = InboundJson.CLIENT.createArrayNode();
            for (JsonNode sequence : stops) {
                if (!sequence.isString()) {
                    throw invalid("stop_sequences", "invalid_type", "stop_sequences: every entry should be a string.");
                }
                stop.add(sequence.asString());
            }
            if (stop.size() > MOST_OPENAI_STOPS) {
                untranslatable("more than " + MOST_OPENAI_STOPS + " stop_sequences");
            } else if (!stop.isEmpty()) {
                canonical.set("stop", stop);
            }
        }

        private void number(JsonNode root, String name, double min, double max) {
            JsonNode value = root.path(name);
            if (value.isMissingNode()) {
                return;
            }
            if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
                throw invalid(name, "invalid_value", name + ": Input should be a number from " + (int) min + " to "
                        + (int) max + ".");
            }
            canonical.set(name, value);
        }

        private void tools(JsonNode tools) {
            if (tools.isMissingNode()) {
                return;
            }
            if (!tools.isArray()) {
                throw invalid("tools", "invalid_type", "tools: Input should be a valid list.");
            }
            ArrayNode functions = InboundJson.CLIENT.createArrayNode();
            for (int i = 0; i < tools.size(); i++) {
                JsonNode tool = tools.get(i);
                JsonNode type = tool.path("type");
                if (type.isString() && !type.asString().equals("custom")) {
                    untranslatable("the server tool '" + type.asString() + "'");
                    continue;
                }
                if (!tool.path("name").isString()) {
                    throw missingOrInvalid("tools." + i + ".name", tool.path("name"), "a string");
                }
                if (!tool.path("input_schema").isObject()) {
                    throw missingOrInvalid("tools." + i + ".input_schema", tool.path("input_schema"), "an object");
                }
                ObjectNode function = functions.addObject().put("type", "function").putObject("function")
                        .put("name", tool.path("name").asString());
                if (tool.path("description").isString()) {
                    function.put("description", tool.path("description").asString());
                }
                function.set("parameters", tool.path("input_schema"));
            }
            if (!functions.isEmpty()) {
                canonical.set("tools", functions);
            }
        }

        private void toolChoice(JsonNode choice) {
            if (choice.isMissingNode()) {
                return;
            }
            String type = choice.path("type").asString("");
            if (!TOOL_CHOICES.contains(type)) {
                throw invalid("tool_choice.type", "invalid_value",
                        "tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'.");
            }
            if (!canonical.has("tools")) {
                return;
            }
            switch (type) {
                case "auto" -> canonical.put("tool_choice", "auto");
                case "any" -> canonical.put("tool_choice", "required");
                case "none" -> canonical.put("tool_choice", "none");
                default -> {
                    if (!choice.path("name").isString()) {
                        throw missingOrInvalid("tool_choice.name", choice.path("name"), "a string");
                    }
                    ObjectNode named = canonical.putObject("tool_choice").put("type", "function");
                    named.putObject("function").put("name", choice.path("name").asString());
                }
            }
            if (choice.path("disable_parallel_tool_use").asBoolean(false)) {
                canonical.put("parallel_tool_calls", false);
            }
        }

        /** The text of a string or of a list of blocks; blocks of the other allowed types are left out but noted. */
        private String textOf(JsonNode blocks, String param, Set<String> allowed) {
            if (!blocks.isArray()) {
                throw missingOrInvalid(param, blocks, "a string or a list of content blocks");
            }
            var text = new StringBuilder();
            for (int i = 0; i < blocks.size(); i++) {
                JsonNode block = blocks.get(i);
                String type = type(block, param + "." + i);
                if (type.equals("text")) {
                    text.append(text(block, param + "." + i));
                } else if (allowed.contains(type)) {
                    untranslatable("content of type '" + type + "' in " + param);
                } else {
                    throw invalid(param + "." + i + ".type", "invalid_value", param + "." + i
                            + ": content of type '" + type + "' is not allowed here.");
                }
            }
            return text.toString();
        }

        private void untranslatable(String what) {
            if (untranslatable == null) {
                untranslatable = what;
            }
        }
    }

    private static String type(JsonNode block, String param) {
        if (!block.isObject() || !block.path("type").isString()) {
            throw missingOrInvalid(param + ".type", block.path("type"), "a string");
        }
        return block.path("type").asString();
    }

    private static String text(JsonNode block, String param) {
        if (!block.path("text").isString()) {
            throw missingOrInvalid(param + ".text", block.path("text"), "a string");
        }
        return block.path("text").asString();
    }

    private static RejectedException missingOrInvalid(String param, JsonNode value, String expected) {
        return value.isMissingNode()
                ? invalid(param, "missing_required_parameter", param + ": Field required.")
                : invalid(param, "invalid_type", param + ": Input should be " + expected + ".");
    }

    private static RejectedException invalid(@Nullable String param, String code, String message) {
        return Rejection.invalidRequest(param, code, message).asException();
    }

    /** The message a provider that is not Anthropic's gives a request its canonical form cannot carry. */
    static Rejection untranslatable(String what) {
        return Rejection.invalidRequest(null, "unsupported_for_provider", "The request carries " + what
                + ", which only an Anthropic model's provider takes; this model's provider takes text, images, client"
                + " tools and tool results.");
    }
}
