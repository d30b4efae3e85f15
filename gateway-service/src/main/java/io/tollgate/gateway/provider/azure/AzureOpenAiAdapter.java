package io.tollgate.gateway.provider.azure;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.provider.http.RequestHeaders;
import io.tollgate.gateway.provider.http.UpstreamClient;
import io.tollgate.gateway.provider.openai.OpenAiReply;
import io.tollgate.gateway.provider.openai.OpenAiRequestRewriter;
import io.tollgate.gateway.provider.openai.OpenAiStreamTranslator;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.model.catalog.ProviderType;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Azure OpenAI: OpenAI's own bodies, sent to a deployment's URL ({@link AzureEndpoints}) with the resource's
 * {@code api-key}, or with a Microsoft Entra ID token when the settings name an app registration ({@link EntraTokens}). Usage, streams and finish reasons ({@code content_filter} included) are OpenAI's and pass as they
 * are; Azure's content-filter refusals become a 400 {@code content_filter} ({@link AzureErrors}).
 */
@Component
public class AzureOpenAiAdapter implements ProviderAdapter {

    private final UpstreamHttp http;
    private final EntraTokens entra;
    private final AzureEndpoints endpoints = new AzureEndpoints();

    public AzureOpenAiAdapter(UpstreamHttp http, EntraTokens entra) {
        this.http = http;
        this.entra = entra;
    }

    @Override
    public boolean supports(ProviderType type) {
        return type == ProviderType.AZURE_OPENAI;
    }

    @Override
    public Mono<ProviderReply> send(UpstreamRequest request) {
        return Mono.defer(() -> {
                    var client = client(request.provider());
                    var uri = endpoints.uri(request);
                    byte[] body = OpenAiRequestRewriter.rewrite(request);
                    return EntraTokens.wanted(request.provider())
                            ? entra.token(request.provider()).flatMap(token -> http.post(client, uri, body, bearer(token)))
                            : http.post(client, uri, body, null);
                })
                .map(answer -> {
                    if (!answer.ok()) {
                        throw AzureErrors.rejection(answer).asException();
                    }
                    return OpenAiReply.of(answer.body());
                });
    }

    @Override
    public ProviderStream stream(UpstreamRequest request) {
        var translator = new OpenAiStreamTranslator(request.facts().includeUsage());
        Flux<byte[]> events = translator.watch(Flux.defer(() -> {
                    var client = client(request.provider());
                    var uri = endpoints.uri(request);
                    byte[] body = OpenAiRequestRewriter.rewrite(request);
                    return EntraTokens.wanted(request.provider())
                            ? entra.token(request.provider()).flatMapMany(token -> http.events(client, uri, body,
                                    bearer(token), AzureErrors::rejection))
                            : http.events(client, uri, body, null, AzureErrors::rejection);
                }));
        return new ProviderStream(events, translator);
    }

    /** The resource's api-key is set once per client; an Entra ID token changes over time, so it travels per request. */
    private UpstreamClient client(ProviderEntry provider) {
        return http.client(provider, headers -> {
            if (!EntraTokens.wanted(provider)) {
                provider.credentialValue().ifPresent(key -> headers.set(AzureEndpoints.API_KEY_HEADER, key));
            }
        });
    }

    private static Consumer<RequestHeaders> bearer(String token) {
        return headers -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
    }

    @Override
    public String toString() {
        return "AzureOpenAiAdapter";
    }
}
