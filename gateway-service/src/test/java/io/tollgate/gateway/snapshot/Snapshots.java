package io.tollgate.gateway.snapshot;

import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.model.apikey.ApiKeyHasher;
import io.tollgate.model.catalog.ProviderType;
import io.tollgate.model.plan.PlanLimits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Snapshots and holders of them, for tests of features that read them without Spring or a database. */
public final class Snapshots {

    /** Hashes the keys of {@link Builder#key}: a gateway under test must check keys with this one. */
    public static final ApiKeyHasher HASHER = new ApiKeyHasher(
            "a test secret of at least 32 bytes!".getBytes(StandardCharsets.UTF_8), "test");

    private Snapshots() {
    }

    public static SnapshotHolder holding(ConfigSnapshot snapshot) {
        var holder = new SnapshotHolder();
        holder.replace(snapshot);
        return holder;
    }

    /** A snapshot whose catalog holds chat models of these names, and nothing else. */
    public static ConfigSnapshot withModels(String... names) {
        Map<String, ModelEntry> models = Arrays.stream(names).collect(Collectors.toUnmodifiableMap(name -> name,
                name -> new ModelEntry(UUID.randomUUID(), name, name, Set.of("chat"), 128_000, Instant.EPOCH)));
        var empty = ConfigSnapshot.empty(Instant.EPOCH);
        return new ConfigSnapshot(empty.loadedAt(), Map.of(), Map.of(), Map.of(), Map.of(), models, Map.of(), Map.of(),
                Map.of(), Map.of(), empty.limits());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A snapshot put together entry by entry, as the loader would read it from the database: each method adds one
     * row's entry and returns it, so a test can name what it made.
     */
    public static final class Builder {

        private final Map<String, KeyEntry> keys = new HashMap<>();
        private final Map<UUID, AppEntry> apps = new HashMap<>();
        private final Map<UUID, TenantEntry> tenants = new HashMap<>();
        private final Map<UUID, Map<UUID, SubscriptionEntry>> subscriptions = new HashMap<>();
        private final Map<String, ModelEntry> models = new HashMap<>();
        private final Map<UUID, List<DeploymentEntry>> deployments = new HashMap<>();
        private final Map<UUID, ProviderEntry> providers = new HashMap<>();
        private final Map<UUID, PlanLimits> ceilings = new HashMap<>();
        private final Map<UUID, Integer> maxOutputTokens = new HashMap<>();
        private final Map<UUID, ModelRouting> routing = new HashMap<>();

        private Builder() {
        }

        public TenantEntry tenant(String slug) {
            return tenant(slug, false);
        }

        public TenantEntry tenant(String slug, boolean suspended) {
            var tenant = new TenantEntry(UUID.randomUUID(), slug, suspended, UUID.randomUUID(), BigDecimal.ZERO);
            tenants.put(tenant.id(), tenant);
            return tenant;
        }

        public AppEntry app(TenantEntry tenant, String name) {
            return app(tenant, name, true);
        }

        /** @param active false for an archived app */
        public AppEntry app(TenantEntry tenant, String name, boolean active) {
            var app = new AppEntry(UUID.randomUUID(), tenant.id(), name, active, false, false);
            apps.put(app.id(), app);
            return app;
        }

        /** An active key of the app that never expires; {@code plaintext} is "tg_" and 32 letters or digits. */
        public KeyEntry key(AppEntry app, String plaintext) {
            return key(app, plaintext, false, null);
        }

        public KeyEntry key(AppEntry app, String plaintext, boolean revoked, @Nullable Instant expiresAt) {
            return key(app.tenantId(), app, plaintext, revoked, expiresAt);
        }

        /** A key whose row names {@code tenantId}, whatever the app's tenant is. */
        public KeyEntry key(UUID tenantId, AppEntry app, String plaintext, boolean revoked,
                            @Nullable Instant expiresAt) {
            String prefix = ApiKeyHasher.prefixOf(plaintext).orElseThrow(() ->
                    new IllegalArgumentException("not a well-formed key: " + plaintext));
            var key = new KeyEntry(UUID.randomUUID(), tenantId, app.id(), prefix, HASHER.hash(plaintext), revoked,
                    expiresAt);
            keys.put(prefix, key);
            return key;
        }

        /** The caller the authentication policy makes of the key. */
        public RequestContext.Caller caller(KeyEntry key) {
            return new RequestContext.Caller(key, apps.get(key.appId()), tenants.get(key.tenantId()));
        }

        /** A caller of the app through a key of its own. */
        public RequestContext.Caller caller(AppEntry app) {
            String plaintext = "tg_" + UUID.randomUUID().toString().replace("-", "");
            return caller(key(app, plaintext));
        }

        public ModelEntry model(String name) {
            return model(name, 128_000);
        }

        public ModelEntry model(String name, int contextWindow) {
            var model = new ModelEntry(UUID.randomUUID(), name, name, Set.of("chat"), contextWindow, Instant.EPOCH);
            models.put(name, model);
            return model;
        }

        /** The model's {@code max_output_tokens} in the catalog. */
        public Builder maxOutputTokens(ModelEntry model, int max) {
            maxOutputTokens.put(model.id(), max);
            return this;
        }

        /** An APPROVED subscription (the only ones the loader keeps) with the limits in force for it. */
        public SubscriptionEntry subscription(AppEntry app, ModelEntry model, PlanLimits limits) {
            var subscription = new SubscriptionEntry(UUID.randomUUID(), app.tenantId(), app.id(), model.id(), limits);
            subscriptions.computeIfAbsent(app.id(), id -> new HashMap<>()).put(model.id(), subscription);
            return subscription;
        }

        public SubscriptionEntry subscription(AppEntry app, ModelEntry model) {
            return subscription(app, model, PlanLimits.unlimited());
        }

        /** The tenant's row in {@code tenant_limits}. */
        public Builder ceiling(TenantEntry tenant, PlanLimits limits) {
            ceilings.put(tenant.id(), limits);
            return this;
        }

        public ProviderEntry provider(String name, ProviderType type) {
            var provider = new ProviderEntry(UUID.randomUUID(), name, type, "https://" + name + ".example/v1",
                    "sk-" + name, Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(30), 1);
            providers.put(provider.id(), provider);
            return provider;
        }

        /** A deployment as the loader lists them: a model's deployments in the order they are added. */
        public DeploymentEntry deployment(ModelEntry model, ProviderEntry provider, int weight, int priority) {
            return deployment(new DeploymentEntry(UUID.randomUUID(), model.id(), provider.id(), model.name(), weight,
                    priority));
        }

        public DeploymentEntry deployment(DeploymentEntry deployment) {
            deployments.computeIfAbsent(deployment.modelId(), id -> new ArrayList<>()).add(deployment);
            return deployment;
        }

        public Builder routing(ModelEntry model, RoutingStrategy strategy, ModelRouting.Fallback... fallbacks) {
            routing.put(model.id(), new ModelRouting(strategy, List.of(fallbacks)));
            return this;
        }

        public ConfigSnapshot build() {
            return new ConfigSnapshot(Instant.EPOCH, Map.copyOf(keys), Map.copyOf(apps), Map.copyOf(tenants),
                    subscriptions.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                            entry -> Map.copyOf(entry.getValue()))),
                    Map.copyOf(models),
                    deployments.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                            entry -> List.copyOf(entry.getValue()))),
                    Map.copyOf(providers), Map.of(), Map.of(), new LimitSettings(Map.copyOf(ceilings),
                    Map.copyOf(maxOutputTokens)), Map.copyOf(routing));
        }
    }
}
