package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.request.RequestFacts;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body for the provider: the client's bytes unchanged, unless the model alias differs from the upstream model
 * name or a stream lacks {@code stream_options.include_usage} (the gateway needs the final usage chunk to bill).
 */
public final class OpenAiRequestRewriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // Jackson builds its tree (de)serializers on first use under a lock; doing it here keeps concurrent first
        // requests from waiting on that lock on an event loop
        JSON.writeValueAsBytes(JSON.readTree("{\"model\":\"m\",\"stream_options\":{\"include_usage\":true}}"));
    }

    private OpenAiRequestRewriter() {
    }

    public static byte[] rewrite(UpstreamRequest request) {
        return rewrite(request.body(), request.facts(), request.upstreamModel());
    }

    static byte[] rewrite(byte[] body, RequestFacts facts, String upstreamModel) {
        boolean renameModel = !facts.model().equals(upstreamModel);
        boolean askForUsage = facts.stream() && !facts.includeUsage();
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
