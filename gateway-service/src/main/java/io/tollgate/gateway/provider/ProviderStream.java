package io.tollgate.gateway.provider;

import io.tollgate.model.common.TokenUsage;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * A provider's streamed answer as OpenAI server-sent events (each element one whole event with its blank line),
 * and what the stream reported about usage so far: read it once the events have ended, however they ended.
 */
public record ProviderStream(Flux<byte[]> events, Usage usage) {

    /** What a stream reported, filled in as its events pass. */
    public interface Usage {

        /** The provider's usage, once it has sent it. */
        Optional<TokenUsage> reported();

        /** Everything generated so far, for counting when the provider reported no usage or the stream was cut. */
        String generatedText();
    }
}
