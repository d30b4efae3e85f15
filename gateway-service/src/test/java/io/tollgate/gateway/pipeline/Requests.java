package io.tollgate.gateway.pipeline;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.tollgate.gateway.request.RequestBodyParser;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Model requests as the data plane hands them to the policies, for tests of the policies without a server: the body
 * read and parsed, the key taken from the headers, and what the policies before the one under test have added.
 */
public final class Requests {

    /** When the requests of these tests arrive. */
    public static final Instant RECEIVED_AT = Instant.parse("2026-12-04T12:00:00Z");

    private Requests() {
    }

    /** A request as it arrives: its body and the key it presents, nothing known yet of the caller. */
    public static RequestContext arriving(ConfigSnapshot snapshot, Endpoint endpoint, String body,
                                          @Nullable String presentedKey, Instant receivedAt) {
        return new RequestContext(UUID.randomUUID(), "req_test", receivedAt, System.nanoTime(), endpoint, "",
                body.getBytes(StandardCharsets.UTF_8), snapshot, presentedKey, new DefaultHttpHeaders());
    }

    /** A request whose caller the authentication policy found and whose body the validation policy read. */
    public static RequestContext authenticated(ConfigSnapshot snapshot, RequestContext.Caller caller,
                                               Endpoint endpoint, String body) {
        var context = arriving(snapshot, endpoint, body, null, RECEIVED_AT);
        context.caller(caller);
        var parsed = RequestBodyParser.parse(endpoint, context.body());
        context.facts(Objects.requireNonNull(parsed.facts(), () -> "invalid body: " + parsed.rejection()));
        return context;
    }

    /** An authenticated request whose model the caller's app holds an approved subscription to. */
    public static RequestContext subscribed(ConfigSnapshot snapshot, RequestContext.Caller caller, Endpoint endpoint,
                                            String body) {
        var context = authenticated(snapshot, caller, endpoint, body);
        var model = snapshot.model(context.facts().orElseThrow().model()).orElseThrow();
        context.subscribed(model, snapshot.approvedSubscription(caller.app().id(), model.id()).orElseThrow());
        return context;
    }

    /** A chat completions body with one user message. */
    public static String chat(String model, String message) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + message + "\"}]}";
    }

    /** A chat completions body with one user message and {@code max_tokens}. */
    public static String chat(String model, String message, int maxTokens) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":" + maxTokens
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + message + "\"}]}";
    }
}
