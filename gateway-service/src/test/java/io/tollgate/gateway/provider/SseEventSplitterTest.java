package io.tollgate.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventSplitterTest {

    @Test
    void reassembles_events_however_the_network_cut_them() {
        String stream = "data: {\"a\":1}\n\ndata: {\"b\":2}\r\n\r\ndata: [DONE]\n\n";
        for (int size = 1; size <= stream.length(); size++) {
            var splitter = new SseEventSplitter();
            List<String> events = new ArrayList<>();
            for (int from = 0; from < stream.length(); from += size) {
                splitter.accept(stream.substring(from, Math.min(stream.length(), from + size)).getBytes(StandardCharsets.UTF_8))
                        .forEach(event -> events.add(new String(event, StandardCharsets.UTF_8)));
            }
            assertThat(events).containsExactly("data: {\"a\":1}\n\n", "data: {\"b\":2}\r\n\r\n", "data: [DONE]\n\n");
        }
    }

    @Test
    void an_unterminated_last_event_is_still_delivered() {
        var splitter = new SseEventSplitter();
        assertThat(splitter.accept("data: [DONE]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(splitter.rest()).singleElement().extracting(String::new).isEqualTo("data: [DONE]\n\n");
    }
}
