package io.tollgate.gateway.provider.mock;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.metering.PromptText;
import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.UpstreamReply;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.snapshot.ProviderType;
import java.nio.charset.StandardCharsets;
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

    private static final byte[] FAILURE = "{\"error\":{\"message\":\"The mock provider failed on purpose.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"
            .getBytes(StandardCharsets.UTF_8);

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
    public Mono<UpstreamReply> send(UpstreamRequest request) {
        var settings = MockSettings.of(request.provider());
        Mono<UpstreamReply> reply = Mono.fromSupplier(() -> fails(settings) ? new UpstreamReply(500, FAILURE)
                : new UpstreamReply(200, responses.complete(request, prompt(request), settings)));
        return settings.latency().isZero() ? reply : Mono.delay(settings.latency()).then(reply);
    }

    @Override
    public Flux<byte[]> stream(UpstreamRequest request) {
        var settings = MockSettings.of(request.provider());
        Flux<byte[]> events = Flux.defer(() -> fails(settings)
                ? Flux.error(Rejection.upstream(502, "upstream_error", "The provider failed to answer (status 500).").asException())
                : Flux.fromIterable(responses.stream(request, prompt(request))));
        if (!settings.chunkDelay().isZero()) {
            events = events.delayElements(settings.chunkDelay());
        }
        return settings.latency().isZero() ? events : Mono.delay(settings.latency()).thenMany(events);
    }

    private MockPrompt prompt(UpstreamRequest request) {
        var text = PromptText.of(request.endpoint(), request.body());
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
