package io.tollgate.gateway.provider.anthropic;

import io.tollgate.gateway.provider.TranslationBenchCase;
import io.tollgate.gateway.pipeline.RequestFacts;
import java.time.Clock;
import java.util.List;

/** The Anthropic adapter's translation both ways, non-streaming and streaming (see {@link TranslationBenchCase}). */
public final class AnthropicTranslationBenchCase implements TranslationBenchCase {

    private final Clock clock = Clock.systemUTC();
    private final byte[] request;
    private final RequestFacts facts;
    private final byte[] streamRequest;
    private final RequestFacts streamFacts;
    private final String upstreamModel;
    private final byte[] answer;
    private final List<byte[]> streamChunks;

    public AnthropicTranslationBenchCase(byte[] request, RequestFacts facts, byte[] streamRequest,
                                         RequestFacts streamFacts, String upstreamModel, byte[] answer,
                                         List<byte[]> streamChunks) {
        this.request = request;
        this.facts = facts;
        this.streamRequest = streamRequest;
        this.streamFacts = streamFacts;
        this.upstreamModel = upstreamModel;
        this.answer = answer;
        this.streamChunks = streamChunks;
    }

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public long call() {
        var translated = AnthropicRequestTranslator.translate(request, upstreamModel, facts.maxTokens(), false);
        var reply = AnthropicResponseTranslator.translate(answer, translated.jsonMode(), clock.instant().getEpochSecond());
        return translated.body().length + reply.body().length + (reply.usage() == null ? 0 : reply.usage().promptTokens());
    }

    @Override
    public long stream() {
        var translated = AnthropicRequestTranslator.translate(streamRequest, upstreamModel, streamFacts.maxTokens(), true);
        var translator = new AnthropicStreamTranslator(streamFacts.includeUsage(), translated.jsonMode(),
                clock.instant().getEpochSecond(), upstreamModel);
        long bytes = TranslationBenchCase.relay(streamChunks, translator::accept);
        return translated.body().length + bytes + translator.reported().map(u -> u.completionTokens()).orElse(0L);
    }
}
