package io.tollgate.gateway.snapshot;

import io.tollgate.model.catalog.PriceSchedule;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the request path needs, loaded at once and never changed: a new snapshot replaces the old one.
 * Lookups are plain map reads, so nothing on the request path touches the database.
 */
public record ConfigSnapshot(
        Instant loadedAt,
        Map<String, KeyEntry> keysByPrefix,
        Map<UUID, AppEntry> apps,
        Map<UUID, TenantEntry> tenants,
        Map<UUID, Map<UUID, SubscriptionEntry>> approvedSubscriptionsByApp,
        Map<String, ModelEntry> modelsByName,
        Map<UUID, List<DeploymentEntry>> deploymentsByModel,
        Map<UUID, ProviderEntry> providers,
        Map<UUID, PriceSchedule> pricesByModel,
        Map<UUID, List<BudgetEntry>> budgetsByTenant,
        LimitSettings limits,
        Map<UUID, ModelRouting> routingByModel) {

    /** A snapshot whose models all route by priority without fallbacks. */
    public ConfigSnapshot(Instant loadedAt, Map<String, KeyEntry> keysByPrefix, Map<UUID, AppEntry> apps,
                          Map<UUID, TenantEntry> tenants, Map<UUID, Map<UUID, SubscriptionEntry>> approvedSubscriptionsByApp,
                          Map<String, ModelEntry> modelsByName, Map<UUID, List<DeploymentEntry>> deploymentsByModel,
                          Map<UUID, ProviderEntry> providers, Map<UUID, PriceSchedule> pricesByModel,
                          Map<UUID, List<BudgetEntry>> budgetsByTenant, LimitSettings limits) {
        this(loadedAt, keysByPrefix, apps, tenants, approvedSubscriptionsByApp, modelsByName, deploymentsByModel,
                providers, pricesByModel, budgetsByTenant, limits, Map.of());
    }

    public Optional<KeyEntry> keyByPrefix(String prefix) {
        return Optional.ofNullable(keysByPrefix.get(prefix));
    }

    public Optional<AppEntry> app(UUID id) {
        return Optional.ofNullable(apps.get(id));
    }

    public Optional<TenantEntry> tenant(UUID id) {
        return Optional.ofNullable(tenants.get(id));
    }

    public Optional<ModelEntry> model(String name) {
        return Optional.ofNullable(modelsByName.get(name));
    }

    public Optional<SubscriptionEntry> approvedSubscription(UUID appId, UUID modelId) {
        return Optional.ofNullable(approvedSubscriptionsByApp.getOrDefault(appId, Map.of()).get(modelId));
    }

    /** Enabled deployments of the model on enabled providers, lowest priority value first. */
    public List<DeploymentEntry> deployments(UUID modelId) {
        return deploymentsByModel.getOrDefault(modelId, List.of());
    }

    public ModelRouting routing(UUID modelId) {
        return routingByModel.getOrDefault(modelId, ModelRouting.DEFAULT);
    }

    public Optional<ProviderEntry> provider(UUID id) {
        return Optional.ofNullable(providers.get(id));
    }

    public PriceSchedule prices(UUID modelId) {
        return pricesByModel.getOrDefault(modelId, PriceSchedule.empty());
    }

    /** The models the app holds an approved subscription to, by name. */
    public List<ModelEntry> subscribedModels(UUID appId) {
        var subscribed = approvedSubscriptionsByApp.getOrDefault(appId, Map.of()).keySet();
        return modelsByName.values().stream()
                .filter(model -> subscribed.contains(model.id()))
                .sorted(Comparator.comparing(ModelEntry::name))
                .toList();
    }

    /** The tenant's enabled budgets (tenant, app and app+model scope). */
    public List<BudgetEntry> budgets(UUID tenantId) {
        return budgetsByTenant.getOrDefault(tenantId, List.of());
    }

    public static ConfigSnapshot empty(Instant at) {
        return new ConfigSnapshot(at, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), LimitSettings.none(), Map.of());
    }
}
