package io.tollgate.gateway.support;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.RequestFacts;
import io.tollgate.gateway.request.RequestBodyParser;
import io.tollgate.gateway.snapshot.AppEntry;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.DeploymentEntry;
import io.tollgate.gateway.snapshot.KeyEntry;
import io.tollgate.gateway.snapshot.LimitSettings;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.gateway.snapshot.TenantEntry;
import io.tollgate.model.catalog.ProviderType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;

/**
 * The in-process benches' request: one tenant's app calling one model served by one OpenAI deployment, from a
 * client that sent a trace context. {@link #context()} is a request that has been authenticated, parsed and routed.
 */
public final class BenchRequests {

    private final ConfigSnapshot snapshot = new ConfigSnapshot(Instant.EPOCH, Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), LimitSettings.none());
    private final ModelEntry model = new ModelEntry(UUID.randomUUID(), "bench-model", "Bench model", Set.of("chat"),
            128_000, Instant.EPOCH);
    private final ProviderEntry provider = new ProviderEntry(UUID.randomUUID(), "openai", ProviderType.OPENAI,
            "http://localhost:1", null, Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(30), 1);
    private final RequestContext.Route route = new RequestContext.Route(model,
            new DeploymentEntry(UUID.randomUUID(), model.id(), provider.id(), "gpt-4o-mini", 1, 1), provider);
    private final RequestContext.Caller caller;
    private final HttpHeaders headers = new HttpHeaders();
    private final RequestFacts facts = RequestBodyParser.parse(Endpoint.CHAT,
            "{\"model\":\"bench-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"
                    .getBytes(StandardCharsets.UTF_8)).facts();

    public BenchRequests() {
        UUID tenantId = UUID.randomUUID();
        var tenant = new TenantEntry(tenantId, "bench", false, UUID.randomUUID(), BigDecimal.ZERO);
        var app = new AppEntry(UUID.randomUUID(), tenantId, "app", true, false, false);
        caller = new RequestContext.Caller(new KeyEntry(UUID.randomUUID(), tenantId, app.id(), "tg_bench",
                new byte[32], false, null), app, tenant);
        headers.set("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    }

    /** The client's request headers. */
    public HttpHeaders headers() {
        return headers;
    }

    public RequestContext.Route route() {
        return route;
    }

    public RequestContext context() {
        var context = new RequestContext(UUID.randomUUID(), "req_bench", Instant.now(), System.nanoTime(),
                Endpoint.CHAT, "", new byte[0], snapshot, null, new DefaultHttpHeaders());
        context.caller(caller);
        context.facts(facts);
        context.route(route);
        return context;
    }
}
