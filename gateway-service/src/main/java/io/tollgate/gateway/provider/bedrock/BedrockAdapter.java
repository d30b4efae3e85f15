package io.tollgate.gateway.provider.bedrock;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.provider.http.RequestHeaders;
import io.tollgate.gateway.provider.http.UpstreamClient;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.model.catalog.ProviderType;
import io.tollgate.model.common.TokenUsage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * AWS Bedrock's Converse API ({@code POST /model/{modelId}/converse}) and ConverseStream ({@code /converse-stream},
 * binary event-stream frames): chat requests are translated to it and its answers and streams back to OpenAI's
 * shape; see {@link BedrockTarget} for the region and the two kinds of credential. Requests with access keys are
 * signed with SigV4 one by one (the signature covers the body and the time). Embeddings go to the Titan text
 * embedding models' InvokeModel, see {@link BedrockEmbeddings}; there are no legacy completions.
 */
@Component
public class BedrockAdapter implements ProviderAdapter {

    /** Titan embeddings take one text per call: this many calls of one request run at once. */
    static final int EMBEDDING_CALLS_AT_ONCE = 8;

    private final UpstreamHttp http;
    private final BedrockSigner signer;
    private final Clock clock;
    private final Map<UUID, Known> targets = new ConcurrentHashMap<>();

    public BedrockAdapter(UpstreamHttp http, Clock clock) {
        this.http = http;
        this.signer = new BedrockSigner(clock);
        this.clock = clock;
        warmUp();
    }

    /** A provider version's target, read once. */
    private record Known(long version, BedrockTarget target) {
    }

    /** Builds Jackson's (de)serializers and the signer's digests at startup, not under a lock on an event loop. */
    private void warmUp() {
        BedrockRequestTranslator.translate(utf8("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                OptionalInt.empty());
        BedrockResponseTranslator.translate(utf8("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":"
                + "[{\"text\":\"hi\"}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":1,\"outputTokens\":1}}"),
                false, "id", 0, "m");
        BedrockErrors.message(utf8("{\"message\":\"m\"}"));
        BedrockEmbeddings.list(BedrockEmbeddings.requests(utf8("{\"input\":\"hi\"}"), "amazon.titan-embed-text-v2:0")
                .stream().map(body -> utf8("{\"embedding\":[0.5],\"inputTextTokenCount\":1}")).toList(), "m");
        signer.headers(AwsCredentialsIdentity.create("AKID", "secret"), "us-east-1",
                URI.create("https://bedrock-runtime.us-east-1.amazonaws.com/model/m/converse"), utf8("{}"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean supports(ProviderType type) {
        return type == ProviderType.BEDROCK;
    }

    @Override
    public boolean serves(Endpoint endpoint) {
        return endpoint != Endpoint.COMPLETIONS;
    }

    @Override
    public Mono<ProviderReply> send(UpstreamRequest request) {
        return Mono.defer(() -> {
            var target = target(request.provider());
            if (request.endpoint() == Endpoint.EMBEDDINGS) {
                return embed(request, target);
            }
            var translated = BedrockRequestTranslator.translate(request.body(), request.facts().maxTokens());
            byte[] body = translated.body();
            URI uri = target.converse(request.upstreamModel());
            String id = replyId();
            long created = clock.instant().getEpochSecond();
            return http.post(client(request.provider(), target), uri, body, signature(target, uri, body))
                    .handle((answer, sink) -> {
                        if (!answer.ok()) {
                            sink.error(BedrockErrors.failure(answer).asException());
                            return;
                        }
                        try {
                            var reply = BedrockResponseTranslator.translate(answer.body(), translated.jsonMode(), id,
                                    created, request.upstreamModel());
                            sink.next(ProviderReply.of(reply.body(), Optional.ofNullable(reply.usage()),
                                    reply::generatedText));
                        } catch (RejectedException e) {
                            sink.error(e);
                        }
                    });
        });
    }

    @Override
    public ProviderStream stream(UpstreamRequest request) {
        String id = replyId();
        long created = clock.instant().getEpochSecond();
        boolean wantsUsage = request.facts().includeUsage();
        BedrockTarget target;
        BedrockRequestTranslator.Translated translated;
        try {
            target = target(request.provider());
            translated = BedrockRequestTranslator.translate(request.body(), request.facts().maxTokens());
        } catch (RejectedException e) {
            return new ProviderStream(Flux.error(e),
                    new BedrockStreamTranslator(id, created, request.upstreamModel(), wantsUsage, false));
        }
        var translator = new BedrockStreamTranslator(id, created, request.upstreamModel(), wantsUsage,
                translated.jsonMode());
        URI uri = target.converseStream(request.upstreamModel());
        byte[] body = translated.body();
        // deferred: each subscription signs at its own time
        Flux<byte[]> events = Flux.defer(() -> http.chunks(client(request.provider(), target), uri, body,
                        signature(target, uri, body), BedrockErrors::failure))
                .concatMapIterable(translator::accept).concatWith(Flux.defer(() -> Flux.fromIterable(translator.end())));
        return new ProviderStream(events, translator);
    }

    private Mono<ProviderReply> embed(UpstreamRequest request, BedrockTarget target) {
        List<byte[]> bodies = BedrockEmbeddings.requests(request.body(), request.upstreamModel());
        URI uri = target.invoke(request.upstreamModel());
        var client = client(request.provider(), target);
        return Flux.fromIterable(bodies)
                .flatMapSequential(body -> http.post(client, uri, body, signature(target, uri, body))
                        .handle((UpstreamHttp.Answer answer, SynchronousSink<byte[]> sink) -> {
                            if (answer.ok()) {
                                sink.next(answer.body());
                            } else {
                                sink.error(BedrockErrors.failure(answer).asException());
                            }
                        }), EMBEDDING_CALLS_AT_ONCE)
                .collectList()
                .map(answers -> {
                    var list = BedrockEmbeddings.list(answers, request.upstreamModel());
                    return new ProviderReply(list.body(), TokenUsage.of(list.promptTokens(), 0), "");
                });
    }

    private BedrockTarget target(ProviderEntry provider) {
        var known = targets.get(provider.id());
        if (known == null || known.version() != provider.version()) {
            known = new Known(provider.version(), BedrockTarget.of(provider));
            targets.put(provider.id(), known);
        }
        return known.target();
    }

    /** An API key goes on every request of the provider's client; access keys sign each request apart. */
    private UpstreamClient client(ProviderEntry provider, BedrockTarget target) {
        return http.client(provider, headers -> {
            if (target.apiKey() != null) {
                headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + target.apiKey());
            }
        });
    }

    private @Nullable Consumer<RequestHeaders> signature(BedrockTarget target, URI uri, byte[] body) {
        return target.keys() == null ? null : signer.headers(target.keys(), target.region(), uri, body);
    }

    /** Converse answers carry no id: the reply gets one of OpenAI's shape. */
    private static String replyId() {
        return "chatcmpl-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    @Override
    public String toString() {
        return "BedrockAdapter";
    }
}
