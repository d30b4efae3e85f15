package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.provider.TranslationBenchCase;
import io.tollgate.gateway.pipeline.RequestFacts;
import java.util.List;

/**
 * The pass-through path the translations are compared with: the client's body forwarded (rewritten only when a stream
 * must ask for usage), the answer's usage read, each stream event watched for usage.
 */
public final class OpenAiTranslationBenchCase implements TranslationBenchCase {

    private final byte[] request;
    private final RequestFacts facts;
    private final byte[] streamRequest;
    private final RequestFacts streamFacts;
    private final String upstreamModel;
    private final byte[] answer;
    private final List<byte[]> streamChunks;

    public OpenAiTranslationBenchCase(byte[] request, RequestFacts facts, byte[] streamRequest, RequestFacts streamFacts,
                                      String upstreamModel, byte[] answer, List<byte[]> streamChunks) {
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
        return "openai pass-through";
    }

    @Override
    public long call() {
        byte[] body = OpenAiRequestRewriter.rewrite(request, facts, upstreamModel, true);
        var reply = OpenAiReply.of(answer);
        return body.length + reply.body().length + reply.reportedUsage().map(u -> u.promptTokens()).orElse(0L);
    }

    @Override
    public long stream() {
        byte[] body = OpenAiRequestRewriter.rewrite(streamRequest, streamFacts, upstreamModel, true);
        var translator = new OpenAiStreamTranslator(streamFacts.includeUsage());
        long bytes = TranslationBenchCase.relay(streamChunks, event -> {
            byte[] out = translator.accept(event);
            return out == null ? List.of() : List.of(out);
        });
        return body.length + bytes + translator.reported().map(u -> u.completionTokens()).orElse(0L);
    }
}
