package io.tollgate.gateway.provider;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * An adapter whose provider serves Anthropic's Messages API itself: a client's {@code /v1/messages} request goes to
 * it as the client wrote it (only the model renamed to the upstream one), with the client's Anthropic API headers,
 * and the provider's answer and events come back as they are, with the usage the provider reported read from them.
 */
public interface MessagesPassThrough {

    /**
     * The client's headers that go on with its request, and no others: the API version it was written against
     * ({@code anthropic-version}; absent: the provider's own) and the beta features it opted into
     * ({@code anthropic-beta}, comma-separated).
     */
    record ClientHeaders(@Nullable String version, @Nullable String beta) {

        public static final ClientHeaders NONE = new ClientHeaders(null, null);
    }

    /** @param request a call whose body is the client's Messages request */
    Mono<ProviderReply> sendMessages(UpstreamRequest request, ClientHeaders headers);

    /** @param request a call whose body is the client's Messages request, asking for a stream */
    ProviderStream streamMessages(UpstreamRequest request, ClientHeaders headers);
}
