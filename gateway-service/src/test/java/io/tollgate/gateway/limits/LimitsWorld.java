package io.tollgate.gateway.limits;

import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.RequestFacts;
import io.tollgate.gateway.request.RequestBodyParser;
import io.tollgate.gateway.snapshot.AppEntry;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.KeyEntry;
import io.tollgate.gateway.snapshot.LimitSettings;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.SubscriptionEntry;
import io.tollgate.gateway.snapshot.TenantEntry;
import io.tollgate.model.plan.PlanLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;

/** Apps of one tenant, each subscribed to one model with the given limits: what the limits policy reads. */
record LimitsWorld(ConfigSnapshot snapshot, RequestContext.Caller[] callers, SubscriptionEntry[] subscriptions,
                   ModelEntry model) {

    static final String MODEL = "bench-model";

    LimitsWorld(int apps, PlanLimits limits) {
        this(apps, limits, UUID.randomUUID(), new ModelEntry(UUID.randomUUID(), MODEL, "Bench model", Set.of("chat"),
                128_000, Instant.EPOCH));
    }

    private LimitsWorld(int apps, PlanLimits limits, UUID tenantId, ModelEntry model) {
        this(new ConfigSnapshot(Instant.EPOCH, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                        Map.of(), Map.of(), LimitSettings.none()),
                callers(apps, tenantId), subscriptions(apps, tenantId, model, limits), model);
    }

    private static RequestContext.Caller[] callers(int apps, UUID tenantId) {
        var tenant = new TenantEntry(tenantId, "bench", false, UUID.randomUUID(), BigDecimal.ZERO);
        var callers = new RequestContext.Caller[apps];
        for (int i = 0; i < apps; i++) {
            var app = new AppEntry(UUID.randomUUID(), tenantId, "app-" + i, true, false, false);
            callers[i] = new RequestContext.Caller(new KeyEntry(UUID.randomUUID(), tenantId, app.id(), "tg_bench" + i,
                    new byte[32], false, null), app, tenant);
        }
        return callers;
    }

    private static SubscriptionEntry[] subscriptions(int apps, UUID tenantId, ModelEntry model, PlanLimits limits) {
        var subscriptions = new SubscriptionEntry[apps];
        for (int i = 0; i < apps; i++) {
            subscriptions[i] = new SubscriptionEntry(UUID.randomUUID(), tenantId, UUID.randomUUID(), model.id(), limits);
        }
        return subscriptions;
    }

    /** A chat request of the app, with max_tokens 256, read as the data plane reads it before the policies. */
    RequestContext context(int app, byte[] body) {
        var context = new RequestContext(UUID.randomUUID(), "req_bench", Instant.now(), System.nanoTime(),
                Endpoint.CHAT, "", body, snapshot, null, new HttpHeaders());
        context.caller(callers[app]);
        var prompt = RequestBodyParser.parse(Endpoint.CHAT, body).facts().prompt();
        context.facts(new RequestFacts(MODEL, false, OptionalInt.of(256), false, prompt));
        context.subscribed(model, subscriptions[app]);
        return context;
    }
}
