package io.tollgate.gateway.provider.azure;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.provider.openai.OpenAiRequestRewriter;
import io.tollgate.gateway.provider.openai.OpenAiStreamTranslator;
import io.tollgate.gateway.provider.openai.OpenAiUsageReader;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.gateway.snapshot.ProviderType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Azure OpenAI: OpenAI's own bodies, sent to a deployment's URL ({@link AzureEndpoints}) with the resource's
 * {@code api-key}. Usage, streams and finish reasons ({@code content_filter} included) are OpenAI's and pass as they
 * are; Azure's content-filter refusals become a 400 {@code content_filter} ({@link AzureErrors}).
 */
@Component
public class AzureOpenAiAdapter implements ProviderAdapter {

    private final UpstreamHttp http;
    private final AzureEndpoints endpoints = new AzureEndpoints();

    public AzureOpenAiAdapter(UpstreamHttp http) {
        this.http = http;
    }

    @Override
    public boolean supports(ProviderType type) {
        return type == ProviderType.AZURE_OPENAI;
    }

    @Override
    public Mono<ProviderReply> send(UpstreamRequest request) {
        return Mono.defer(() -> http.post(client(request.provider()), endpoints.uri(request),
                        OpenAiRequestRewriter.rewrite(request), null))
                .handle((answer, sink) -> {
                    if (!answer.ok()) {
                        sink.error(AzureErrors.rejection(answer).asException());
                        return;
                    }
                    var usage = OpenAiUsageReader.parse(answer.body());
                    if (usage.malformed()) {
                        sink.error(UpstreamErrors.invalidResponse());
                        return;
                    }
                    sink.next(ProviderReply.of(answer.body(), usage.usage(),
                            () -> OpenAiStreamTranslator.generatedText(answer.body())));
                });
    }

    @Override
    public ProviderStream stream(UpstreamRequest request) {
        var translator = new OpenAiStreamTranslator(request.facts().includeUsage());
        Flux<byte[]> events = Flux.defer(() -> http.events(client(request.provider()), endpoints.uri(request),
                        OpenAiRequestRewriter.rewrite(request), null, AzureErrors::rejection))
                .handle((event, sink) -> {
                    byte[] forward = translator.accept(event);
                    if (forward != null) {
                        sink.next(forward);
                    }
                });
        return new ProviderStream(events, translator);
    }

    private HttpClient client(ProviderEntry provider) {
        return http.client(provider, headers -> provider.credentialValue()
                .ifPresent(key -> headers.set(AzureEndpoints.API_KEY_HEADER, key)));
    }

    @Override
    public String toString() {
        return "AzureOpenAiAdapter";
    }
}
