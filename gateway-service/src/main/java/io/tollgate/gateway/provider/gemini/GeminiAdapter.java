package io.tollgate.gateway.provider.gemini;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.provider.gemini.schema.GenerateContentResponse;
import io.tollgate.gateway.provider.http.RequestHeaders;
import io.tollgate.gateway.provider.http.UpstreamClient;
import io.tollgate.gateway.provider.openai.OpenAiErrorMessage;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.model.catalog.ProviderType;
import io.tollgate.model.common.TokenUsage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Google Gemini, through AI Studio (an API key) or Vertex AI (a service account), see {@link GeminiTarget}: chat
 * requests are translated to generateContent and streamGenerateContent (server-sent events), embeddings to
 * batchEmbedContents or Vertex's predict; the answers come back in OpenAI's shape with Gemini's usage. Gemini has
 * no legacy completions endpoint.
 */
@Component
public class GeminiAdapter implements ProviderAdapter {

    static final String API_KEY_HEADER = "x-goog-api-key";
    private static final String API_KEY_INVALID = "\"API_KEY_INVALID\"";

    private final UpstreamHttp http;
    private final VertexTokens tokens;
    private final TokenCounter counter;
    private final Clock clock;

    public GeminiAdapter(UpstreamHttp http, VertexTokens tokens, TokenCounter counter, Clock clock) {
        this.http = http;
        this.tokens = tokens;
        this.counter = counter;
        this.clock = clock;
    }

    @Override
    public boolean supports(ProviderType type) {
        return type == ProviderType.GEMINI;
    }

    @Override
    public boolean serves(Endpoint endpoint) {
        return endpoint != Endpoint.COMPLETIONS;
    }

    @Override
    public Mono<ProviderReply> send(UpstreamRequest request) {
        return Mono.defer(() -> {
            var target = GeminiTarget.of(request.provider());
            if (request.endpoint() == Endpoint.EMBEDDINGS) {
                return embed(request, target);
            }
            byte[] body = GeminiRequestTranslator.translate(request.body());
            var stamp = ReplyStamp.of(clock, request.upstreamModel());
            return post(request, target, target.generate(request.upstreamModel()), body).handle((answer, sink) -> {
                try {
                    var translated = GeminiResponseTranslator.translate(
                            GeminiJson.read(answer.body(), GenerateContentResponse.class), stamp);
                    sink.next(ProviderReply.of(translated.body(), translated.usage(), translated::text));
                } catch (JacksonException | IllegalArgumentException e) {
                    sink.error(UpstreamErrors.invalidResponse());
                }
            });
        });
    }

    @Override
    public ProviderStream stream(UpstreamRequest request) {
        var stamp = ReplyStamp.of(clock, request.upstreamModel());
        var translator = new GeminiStreamTranslator(stamp, request.facts().includeUsage());
        Flux<byte[]> events = Flux.defer(() -> {
            var target = GeminiTarget.of(request.provider());
            byte[] body = GeminiRequestTranslator.translate(request.body());
            var client = client(request.provider(), target);
            var uri = target.stream(request.upstreamModel());
            if (!target.vertex()) {
                return http.events(client, uri, body, null, GeminiAdapter::failure);
            }
            return tokens.token(request.provider()).flatMapMany(token -> http.events(client, uri, body,
                    bearer(token), GeminiAdapter::failure));
        }).concatMapIterable(translator::accept).concatWith(Flux.defer(() -> Flux.fromIterable(translator.end())));
        return new ProviderStream(events, translator);
    }

    private Mono<ProviderReply> embed(UpstreamRequest request, GeminiTarget target) {
        String model = request.upstreamModel();
        byte[] body = target.vertex() ? GeminiEmbeddings.predictRequest(request.body())
                : GeminiEmbeddings.batchRequest(request.body(), model);
        return post(request, target, target.embed(model), body).handle((answer, sink) -> {
            try {
                if (target.vertex()) {
                    var translated = GeminiEmbeddings.fromPredict(answer.body(), model);
                    sink.next(new ProviderReply(translated.body(),
                            TokenUsage.of(translated.promptTokens().orElse(0), 0), ""));
                } else {
                    // AI Studio reports no token counts: the gateway counts the input, and says so on the usage event
                    long counted = counter.countPrompt(request.facts().prompt());
                    sink.next(ProviderReply.of(GeminiEmbeddings.fromBatch(answer.body(), model, counted).body(),
                            Optional.empty(), () -> ""));
                }
            } catch (JacksonException | IllegalArgumentException e) {
                sink.error(UpstreamErrors.invalidResponse());
            }
        });
    }

    /** POSTs the body with the provider's credential and hands back a successful answer, else the rejection. */
    private Mono<UpstreamHttp.Answer> post(UpstreamRequest request, GeminiTarget target, URI uri, byte[] body) {
        var client = client(request.provider(), target);
        Mono<UpstreamHttp.Answer> call = target.vertex()
                ? tokens.token(request.provider()).flatMap(token -> http.post(client, uri, body, bearer(token)))
                : http.post(client, uri, body, null);
        return call.handle((answer, sink) -> {
            if (answer.ok()) {
                sink.next(answer);
            } else {
                sink.error(failure(answer).asException());
            }
        });
    }

    /** Vertex's token changes over time, so it travels per request; an API key is set once per client. */
    private static Consumer<RequestHeaders> bearer(String token) {
        return headers -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
    }

    private UpstreamClient client(ProviderEntry provider, GeminiTarget target) {
        return http.client(provider, headers -> {
            if (!target.vertex()) {
                provider.credentialValue().ifPresent(key -> headers.set(API_KEY_HEADER, key));
            }
        });
    }

    /**
     * Google's errors are {@code {"error":{"code","message","status"}}}: the message sits where OpenAI's does. AI Studio
     * answers a bad API key with a 400 (reason {@code API_KEY_INVALID}): that is the platform's credential, not the
     * client's request, so it is treated like a 401.
     */
    static Rejection failure(UpstreamHttp.Answer answer) {
        int status = answer.status() == 400 && contains(answer.body(), API_KEY_INVALID) ? 401 : answer.status();
        return UpstreamErrors.fromStatus(status, OpenAiErrorMessage.of(answer.body()).orElse(null),
                answer.headers().get(HttpHeaderNames.RETRY_AFTER));
    }

    private static boolean contains(byte[] body, String word) {
        return new String(body, StandardCharsets.UTF_8).contains(word);
    }

    @Override
    public String toString() {
        return "GeminiAdapter";
    }
}
