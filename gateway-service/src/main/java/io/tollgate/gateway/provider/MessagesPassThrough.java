package io.tollgate.gateway.provider;

import reactor.core.publisher.Mono;

/**
 * An adapter whose provider serves Anthropic's Messages API itself: a client's {@code /v1/messages} request goes to
 * it as the client wrote it (only the model renamed to the upstream one), and the provider's answer and events come
 * back as they are, with the usage the provider reported read from them.
 */
public interface MessagesPassThrough {

    /** @param request a call whose body is the client's Messages request */
    Mono<ProviderReply> sendMessages(UpstreamRequest request);

    /** @param request a call whose body is the client's Messages request, asking for a stream */
    ProviderStream streamMessages(UpstreamRequest request);
}
