package io.tollgate.gateway.limits;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.RequestFacts;
import io.tollgate.gateway.request.RequestBodyParser;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.Snapshots;
import io.tollgate.gateway.snapshot.SubscriptionEntry;
import io.tollgate.model.plan.PlanLimits;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;

/** Apps of one tenant, each subscribed to one model with the given limits: what the limits policy reads. */
record LimitsWorld(ConfigSnapshot snapshot, RequestContext.Caller[] callers, SubscriptionEntry[] subscriptions,
                   ModelEntry model) {

    static final String MODEL = "bench-model";

    LimitsWorld(int apps, PlanLimits limits) {
        var builder = Snapshots.builder();
        var tenant = builder.tenant("bench");
        var model = builder.model(MODEL);
        var callers = new RequestContext.Caller[apps];
        var subscriptions = new SubscriptionEntry[apps];
        for (int i = 0; i < apps; i++) {
            var app = builder.app(tenant, "app-" + i);
            callers[i] = builder.caller(app);
            subscriptions[i] = builder.subscription(app, model, limits);
        }
        this(builder.build(), callers, subscriptions, model);
    }

    /** A chat request of the app, with max_tokens 256, read as the data plane reads it before the policies. */
    RequestContext context(int app, byte[] body) {
        var context = new RequestContext(UUID.randomUUID(), "req_bench", Instant.now(), System.nanoTime(),
                Endpoint.CHAT, "", body, snapshot, null, new DefaultHttpHeaders());
        context.caller(callers[app]);
        var prompt = RequestBodyParser.parse(Endpoint.CHAT, body).facts().prompt();
        context.facts(new RequestFacts(MODEL, false, OptionalInt.of(256), false, prompt));
        context.subscribed(model, subscriptions[app]);
        return context;
    }
}
