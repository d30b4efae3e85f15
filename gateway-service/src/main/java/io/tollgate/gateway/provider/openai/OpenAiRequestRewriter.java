package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.pipeline.RequestFacts;
import io.tollgate.gateway.provider.UpstreamRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body for the provider: the client's bytes unchanged, unless the model alias differs from the upstream model
 * name or a stream lacks {@code stream_options.include_usage} (the gateway needs the final usage chunk to bill).
 * Some OpenAI-compatible servers refuse {@code stream_options} (older vLLM, some hosted endpoints, Azure API versions
 * before 2024-09-01): a provider whose setting {@value #STREAM_OPTIONS_SETTING} is {@code false} is not asked for it;
 * its streams are then counted by the gateway and metered as estimated. A client's own {@code stream_options} is
 * still forwarded as sent.
 */
public final class OpenAiRequestRewriter {

    public static final String STREAM_OPTIONS_SETTING = "streamOptions";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // Jackson builds its tree (de)serializers on first use under a lock; doing it here keeps concurrent first
        // requests from waiting on that lock on an event loop
        JSON.writeValueAsBytes(JSON.readTree("{\"model\":\"m\",\"stream_options\":{\"include_usage\":true}}"));
    }

    private OpenAiRequestRewriter() {
    }

    public static byte[] rewrite(UpstreamRequest request) {
        boolean acceptsStreamOptions = !request.provider().setting(STREAM_OPTIONS_SETTING).filter("false"::equals).isPresent();
        return rewrite(request.body(), request.facts(), request.upstreamModel(), acceptsStreamOptions);
    }

    static byte[] rewrite(byte[] body, RequestFacts facts, String upstreamModel, boolean acceptsStreamOptions) {
        boolean renameModel = !facts.model().equals(upstreamModel);
        boolean askForUsage = facts.stream() && !facts.includeUsage() && acceptsStreamOptions;
        if (!renameModel && !askForUsage) {
            return body;
        }
        ObjectNode root = (ObjectNode) JSON.readTree(body);
        if (renameModel) {
            root.put("model", upstreamModel);
        }
        if (askForUsage) {
            var options = root.get("stream_options") instanceof ObjectNode existing ? existing : root.putObject("stream_options");
            options.put("include_usage", true);
        }
        return JSON.writeValueAsBytes(root);
    }
}
