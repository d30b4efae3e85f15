package io.tollgate.gateway.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderResponseDecoderTest {

    private static final String ANSWER = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nx-request-id: %s\r\n"
            + "X-Request-Id-Echo: %s\r\nopenai-processing-ms: 12\r\nContent-Length: 2\r\n\r\n{}";

    @Test
    void names_read_again_are_the_same_names_and_every_header_keeps_its_own_name_and_value() {
        var channel = new EmbeddedChannel(new ProviderResponseDecoder(new HttpDecoderConfig()));

        var first = response(channel, "a");
        var second = response(channel, "b");

        assertThat(headers(second)).containsExactly(Map.entry("Content-Type", "application/json"),
                Map.entry("x-request-id", "b"), Map.entry("X-Request-Id-Echo", "b"),
                Map.entry("openai-processing-ms", "12"), Map.entry("Content-Length", "2"));
        assertThat(headers(first)).contains(Map.entry("x-request-id", "a"), Map.entry("X-Request-Id-Echo", "a"));
        var firstNames = names(first);
        var secondNames = names(second);
        for (int i = 0; i < firstNames.size(); i++) {
            assertThat(secondNames.get(i)).as(secondNames.get(i).toString()).isSameAs(firstNames.get(i));
        }
        channel.finishAndReleaseAll();
    }

    @Test
    void an_answer_with_more_names_than_are_kept_reads_every_header() {
        var channel = new EmbeddedChannel(new ProviderResponseDecoder(new HttpDecoderConfig()));
        var answer = new StringBuilder("HTTP/1.1 200 OK\r\n");
        var expected = new ArrayList<Map.Entry<String, String>>();
        for (int i = 0; i < 200; i++) {
            answer.append("x-header-").append(i).append(": value ").append(i).append("\r\n");
            expected.add(Map.entry("x-header-" + i, "value " + i));
        }
        answer.append("Content-Length: 0\r\n\r\n");
        expected.add(Map.entry("Content-Length", "0"));

        for (int pass = 0; pass < 2; pass++) {
            assertThat(headers(decode(channel, answer.toString()))).as("pass %d", pass)
                    .containsExactlyElementsOf(expected);
        }
        channel.finishAndReleaseAll();
    }

    private static HttpResponse response(EmbeddedChannel channel, String id) {
        return decode(channel, ANSWER.formatted(id, id));
    }

    private static HttpResponse decode(EmbeddedChannel channel, String answer) {
        channel.writeInbound(Unpooled.copiedBuffer(answer, StandardCharsets.US_ASCII));
        HttpResponse response = channel.readInbound();
        Object content;
        while ((content = channel.readInbound()) != null) {
            ReferenceCountUtil.release(content);
        }
        return response;
    }

    private static List<Map.Entry<String, String>> headers(HttpResponse response) {
        var headers = new ArrayList<Map.Entry<String, String>>();
        response.headers().iteratorCharSequence().forEachRemaining(
                header -> headers.add(Map.entry(header.getKey().toString(), header.getValue().toString())));
        return headers;
    }

    private static List<CharSequence> names(HttpResponse response) {
        var names = new ArrayList<CharSequence>();
        response.headers().iteratorCharSequence().forEachRemaining(header -> names.add(header.getKey()));
        return names;
    }
}
