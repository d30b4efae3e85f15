package io.tollgate.portal.api.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.subscriptions.SubscriptionService;
import io.tollgate.portal.subscriptions.SubscriptionSummary;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Model subscriptions of the tenant's apps, through {@link SubscriptionService} as on the catalog screen. */
@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Request, follow and cancel model access (tenant ADMIN and DEVELOPER; BILLING reads)")
class SubscriptionsApi {

    record Subscription(UUID id, UUID appId, String appName, UUID modelId, String modelName, String status,
                        String justification, @Nullable String decisionReason, Instant requestedAt,
                        @Nullable Instant decidedAt) {

        static Subscription of(SubscriptionSummary s) {
            return new Subscription(s.id(), s.appId(), s.appName(), s.modelId(), s.modelName(), s.status(),
                    s.justification(), s.decisionReason(), s.requestedAt(), s.decidedAt());
        }
    }

    record SubscriptionRequest(UUID appId, UUID modelId, @Nullable String justification) {
    }

    private final SubscriptionService subscriptions;

    SubscriptionsApi(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping
    CursorPage<Subscription> list(@RequestParam(required = false) @Nullable String cursor,
                                  @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(subscriptions.list().stream().map(Subscription::of).toList(), Subscription::id, cursor,
                limit);
    }

    /** Models that need no approval are approved at once; the others wait for a platform administrator. */
    @PostMapping
    ResponseEntity<Subscription> request(@RequestBody SubscriptionRequest request) {
        if (request.appId() == null || request.modelId() == null) {
            throw new PortalException("Name the app and the model");
        }
        Subscription created = Subscription.of(subscriptions.request(request.appId(), request.modelId(),
                request.justification() == null ? "" : request.justification()));
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.id())).body(created);
    }

    @GetMapping("/{subscriptionId}")
    Subscription get(@PathVariable UUID subscriptionId) {
        return subscriptions.find(subscriptionId).map(Subscription::of)
                .orElseThrow(() -> PortalException.notFound("Subscription"));
    }

    /** Withdraws a pending request or gives up approved access. */
    @PostMapping("/{subscriptionId}/cancel")
    Subscription cancel(@PathVariable UUID subscriptionId) {
        subscriptions.cancel(subscriptionId);
        return get(subscriptionId);
    }
}
