package io.tollgate.gateway.provider.gemini;

import io.tollgate.gateway.provider.TranslationBenchCase;
import io.tollgate.gateway.provider.gemini.schema.GenerateContentResponse;
import java.time.Clock;
import java.util.List;

/** The Gemini adapter's translation both ways, non-streaming and streaming (see {@link TranslationBenchCase}). */
public final class GeminiTranslationBenchCase implements TranslationBenchCase {

    private final Clock clock = Clock.systemUTC();
    private final byte[] request;
    private final byte[] streamRequest;
    private final boolean clientWantsUsage;
    private final String upstreamModel;
    private final byte[] answer;
    private final List<byte[]> streamChunks;

    public GeminiTranslationBenchCase(byte[] request, byte[] streamRequest, boolean clientWantsUsage,
                                      String upstreamModel, byte[] answer, List<byte[]> streamChunks) {
        this.request = request;
        this.streamRequest = streamRequest;
        this.clientWantsUsage = clientWantsUsage;
        this.upstreamModel = upstreamModel;
        this.answer = answer;
        this.streamChunks = streamChunks;
    }

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public long call() {
        byte[] body = GeminiRequestTranslator.translate(request);
        var reply = GeminiResponseTranslator.translate(GeminiJson.read(answer, GenerateContentResponse.class),
                ReplyStamp.of(clock, upstreamModel));
        return body.length + reply.body().length + reply.usage().map(u -> u.promptTokens()).orElse(0L);
    }

    @Override
    public long stream() {
        byte[] body = GeminiRequestTranslator.translate(streamRequest);
        var translator = new GeminiStreamTranslator(ReplyStamp.of(clock, upstreamModel), clientWantsUsage);
        long bytes = TranslationBenchCase.relay(streamChunks, translator::accept);
        for (byte[] out : translator.end()) {
            bytes += out.length;
        }
        return body.length + bytes + translator.reported().map(u -> u.completionTokens()).orElse(0L);
    }
}
