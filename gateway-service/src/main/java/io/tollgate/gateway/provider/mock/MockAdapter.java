package io.tollgate.gateway.provider.mock;

import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.pipeline.PromptText;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.provider.openai.OpenAiReply;
import io.tollgate.gateway.provider.openai.OpenAiStreamTranslator;
import io.tollgate.model.catalog.ProviderType;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The in-product {@code mock} provider for demos and tests: deterministic answers in OpenAI's wire format with
 * usage counted like a real model would, streaming, and configurable latency and failure rate. No network.
 */
@Component
public class MockAdapter implements ProviderAdapter {

    private static final String FAILURE = "The mock provider failed on purpose.";

    private final MockResponses responses;
    private final TokenCounter tokens;

    public MockAdapter(MockResponses responses, TokenCounter tokens) {
        this.responses = responses;
        this.tokens = tokens;
    }

    @Override
    public boolean supports(ProviderType type) {
        return type == ProviderType.MOCK;
    }

    @Override
    public Mono<ProviderReply> send(UpstreamRequest request) {
        var settings = MockSettings.of(request.provider());
        Mono<ProviderReply> reply = Mono.defer(() -> {
            if (fails(settings)) {
                return Mono.error(UpstreamErrors.fromStatus(500, FAILURE, null).asException());
            }
            return Mono.just(OpenAiReply.of(responses.complete(request, prompt(request), settings)));
        });
        return settings.latency().isZero() ? reply : Mono.delay(settings.latency()).then(reply);
    }

    @Override
    public ProviderStream stream(UpstreamRequest request) {
        var settings = MockSettings.of(request.provider());
        var translator = new OpenAiStreamTranslator(request.facts().includeUsage());
        Flux<byte[]> events = Flux.defer(() -> fails(settings)
                ? Flux.error(UpstreamErrors.fromStatus(500, FAILURE, null).asException())
                : Flux.fromIterable(responses.stream(request, prompt(request))));
        if (!settings.chunkDelay().isZero()) {
            events = events.delayElements(settings.chunkDelay());
        }
        if (!settings.latency().isZero()) {
            events = Mono.delay(settings.latency()).thenMany(events);
        }
        return new ProviderStream(translator.watch(events), translator);
    }

    private MockPrompt prompt(UpstreamRequest request) {
        PromptText text = request.facts().prompt();
        return new MockPrompt(text.text(), tokens.countPrompt(text));
    }

    private static boolean fails(MockSettings settings) {
        return settings.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < settings.failureRate();
    }

    @Override
    public String toString() {
        return "MockAdapter";
    }
}
