package io.tollgate.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.RequestFacts;
import io.tollgate.gateway.request.RequestBodyParser;
import io.tollgate.gateway.request.RequestBodyParser.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rewriter splices its changes into the client's bytes; what it sends must read as the tree Jackson makes when it
 * makes the same changes (what the gateway sent before it spliced), for every place and form those values take.
 */
class OpenAiRequestRewriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String M = "[{\"role\":\"user\",\"content\":\"hi\"}]";

    private static final List<String> BODIES = List.of(
            "{\"model\":\"alias\",\"stream\":true,\"messages\":" + M + "}",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a \\\"quoted\\\" {brace}\"}],\"stream\":true,"
                    + "\"model\":\"alias\"}",
            " {\n  \"model\" : \"alias\" ,\n  \"stream\" : true ,\n  \"messages\" : " + M + "\n} \n",
            "{\"model\":\"alias\",\"stream\":true,\"stream_options\":null,\"messages\":" + M + "}",
            "{\"stream_options\":{},\"model\":\"alias\",\"stream\":true,\"messages\":" + M + "}",
            "{\"model\":\"alias\",\"stream\":true,\"stream_options\":{ },\"messages\":" + M + "}",
            "{\"model\":\"alias\",\"stream\":true,\"stream_options\":{\"include_usage\":false},\"messages\":" + M + "}",
            "{\"model\":\"alias\",\"stream\":true,\"messages\":" + M
                    + ",\"stream_options\":{\"include_usage\" :  false , \"x\":[1,{\"y\":2}]}}",
            "{\"model\":\"alias\",\"stream\":true,\"stream_options\":{\"x\":{\"include_usage\":false}},\"messages\":"
                    + M + "}",
            "{\"stream\":true,\"model\":\"al\\u0069as\",\"messages\":" + M + ",\"user\":\"u\"}",
            "{\"model\":\"alias\",\"stream\":false,\"messages\":" + M
                    + ",\"stream_options\":{\"include_usage\":false}}",
            "{\"model\":\"alias\",\"messages\":[{\"role\":\"user\",\"content\":\"stream_options model\"}],"
                    + "\"stream\":true}");

    private static final List<String> UPSTREAM_MODELS = List.of("alias", "gpt-4o-2024-08-06", "a \"quoted\" \\ name",
            "ünïcødé-模型", "tab\there");

    @Test
    void every_change_reads_as_jacksons_tree_with_the_same_change() {
        for (String text : BODIES) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            RequestFacts facts = facts(body);
            for (String upstreamModel : UPSTREAM_MODELS) {
                for (boolean accepts : new boolean[] {true, false}) {
                    byte[] sent = OpenAiRequestRewriter.rewrite(body, facts, upstreamModel, accepts);

                    assertThat(JSON.readTree(sent)).as("%s as %s, stream options %s", text, upstreamModel, accepts)
                            .isEqualTo(reference(body, facts, upstreamModel, accepts));
                    assertThat(facts(sent).model()).isEqualTo(upstreamModel);
                }
            }
        }
    }

    @Test
    void the_rest_of_the_body_stays_byte_for_byte() {
        byte[] body = " {\n  \"model\" : \"alias\" ,\n  \"stream\" : true ,\n  \"messages\" : [ ]\n} \n"
                .replace("[ ]", M).getBytes(StandardCharsets.UTF_8);

        byte[] sent = OpenAiRequestRewriter.rewrite(body, facts(body), "gpt-4o", true);

        assertThat(new String(sent, StandardCharsets.UTF_8)).isEqualTo(" {\n  \"model\" : \"gpt-4o\" ,\n  \"stream\" : "
                + "true ,\n  \"messages\" : " + M + "\n,\"stream_options\":{\"include_usage\":true}} \n");
    }

    /** What the rewriter sent when it made its changes on Jackson's tree. */
    private static JsonNode reference(byte[] body, RequestFacts facts, String upstreamModel, boolean accepts) {
        ObjectNode root = (ObjectNode) JSON.readTree(body);
        if (!facts.model().equals(upstreamModel)) {
            root.put("model", upstreamModel);
        }
        if (facts.stream() && !facts.includeUsage() && accepts) {
            var options = root.get("stream_options") instanceof ObjectNode existing ? existing
                    : root.putObject("stream_options");
            options.put("include_usage", true);
        }
        return root;
    }

    private static RequestFacts facts(byte[] body) {
        ParseResult parsed = RequestBodyParser.parse(Endpoint.CHAT, body);
        assertThat(parsed.rejection()).as(new String(body, StandardCharsets.UTF_8)).isNull();
        return parsed.facts();
    }
}
