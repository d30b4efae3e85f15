package io.tollgate.gateway.snapshot;

import io.tollgate.model.catalog.EffectivePrice;
import io.tollgate.model.catalog.PriceRates;
import io.tollgate.model.catalog.PriceSchedule;
import io.tollgate.model.catalog.ProviderType;
import io.tollgate.model.plan.PlanLimits;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/** Reads the whole configuration in one repeatable-read transaction, so a snapshot is never half old, half new. */
@Component
public class SnapshotLoader {

    private final ProviderCredentials credentials;
    private final ProviderSettingsReader settingsReader;
    private final Clock clock;

    public SnapshotLoader(ProviderCredentials credentials, ProviderSettingsReader settingsReader, Clock clock) {
        this.credentials = credentials;
        this.settingsReader = settingsReader;
        this.clock = clock;
    }

    public ConfigSnapshot load(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            var jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            var snapshot = read(jdbc);
            connection.commit();
            return snapshot;
        } finally {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private ConfigSnapshot read(JdbcClient jdbc) {
        Map<String, KeyEntry> keys = jdbc.sql("select id, tenant_id, app_id, prefix, secret_hash, status, expires_at from api_keys")
                .query((rs, n) -> new KeyEntry(uuid(rs, "id"), uuid(rs, "tenant_id"), uuid(rs, "app_id"),
                        rs.getString("prefix"), rs.getBytes("secret_hash"), "REVOKED".equals(rs.getString("status")),
                        instant(rs, "expires_at")))
                .list().stream().collect(Collectors.toUnmodifiableMap(KeyEntry::prefix, k -> k));
        Map<UUID, AppEntry> apps = byId(jdbc.sql("select id, tenant_id, name, status, cache_enabled, cache_nondeterministic from apps")
                .query((rs, n) -> new AppEntry(uuid(rs, "id"), uuid(rs, "tenant_id"), rs.getString("name"),
                        "ACTIVE".equals(rs.getString("status")), rs.getBoolean("cache_enabled"),
                        rs.getBoolean("cache_nondeterministic"))).list(), AppEntry::id);
        Map<UUID, TenantEntry> tenants = byId(jdbc.sql("""
                        select t.id, t.slug, t.status, t.plan_id, p.cache_hit_per_million
                        from tenants t join plans p on p.id = t.plan_id""")
                .query((rs, n) -> new TenantEntry(uuid(rs, "id"), rs.getString("slug"),
                        "SUSPENDED".equals(rs.getString("status")), uuid(rs, "plan_id"),
                        rs.getBigDecimal("cache_hit_per_million"))).list(), TenantEntry::id);
        Map<UUID, PlanLimits> plans = new HashMap<>();
        jdbc.sql("select * from plans").query(rs -> {
            plans.put(uuid(rs, "id"), limits(rs));
        });
        Map<UUID, Map<UUID, SubscriptionEntry>> subscriptions = new HashMap<>();
        jdbc.sql("select * from subscriptions where status = 'APPROVED'").query(rs -> {
            UUID tenantId = uuid(rs, "tenant_id");
            TenantEntry tenant = tenants.get(tenantId);
            PlanLimits planLimits = tenant == null ? PlanLimits.unlimited()
                    : plans.getOrDefault(tenant.planId(), PlanLimits.unlimited());
            var entry = new SubscriptionEntry(uuid(rs, "id"), tenantId, uuid(rs, "app_id"), uuid(rs, "model_id"),
                    planLimits.overriddenBy(limits(rs)));
            subscriptions.computeIfAbsent(entry.appId(), id -> new HashMap<>()).put(entry.modelId(), entry);
        });
        Map<String, ModelEntry> models = jdbc.sql("""
                        select id, name, display_name, capabilities, context_window, created_at
                        from models where status <> 'DISABLED'""")
                .query((rs, n) -> new ModelEntry(uuid(rs, "id"), rs.getString("name"), rs.getString("display_name"),
                        textSet(rs.getArray("capabilities")), rs.getInt("context_window"), instant(rs, "created_at")))
                .list().stream().collect(Collectors.toUnmodifiableMap(ModelEntry::name, m -> m));
        Map<UUID, ProviderEntry> providers = byId(jdbc.sql("select * from providers where enabled")
                .query((rs, n) -> provider(rs)).list(), ProviderEntry::id);
        Map<UUID, List<DeploymentEntry>> deployments = jdbc.sql("""
                        select d.*
                        from deployments d join providers p on p.id = d.provider_id
                        where d.enabled and p.enabled order by d.priority, d.weight desc, d.id""")
                .query((rs, n) -> deployment(rs))
                .list().stream().collect(Collectors.groupingBy(DeploymentEntry::modelId, Collectors.toUnmodifiableList()));
        Map<UUID, List<EffectivePrice>> prices = new HashMap<>();
        jdbc.sql("select * from prices").query(rs -> {
            var rates = new PriceRates(rs.getBigDecimal("input_per_million"), rs.getBigDecimal("output_per_million"),
                    rs.getBigDecimal("cached_input_per_million"), rs.getBigDecimal("reasoning_per_million"),
                    rs.getBigDecimal("cache_write_input_per_million"));
            prices.computeIfAbsent(uuid(rs, "model_id"), id -> new ArrayList<>())
                    .add(new EffectivePrice(uuid(rs, "id"), instant(rs, "effective_from"), rates));
        });
        return new ConfigSnapshot(clock.instant(), keys, apps, tenants, deepCopy(subscriptions), models,
                Map.copyOf(deployments), providers, prices.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, e -> PriceSchedule.of(e.getValue()))), readBudgets(jdbc),
                limitSettings(jdbc), readRouting(jdbc, models));
    }

    private static DeploymentEntry deployment(ResultSet rs) throws SQLException {
        var costIn = rs.getBigDecimal("cost_input_per_million");
        var costOut = rs.getBigDecimal("cost_output_per_million");
        return new DeploymentEntry(uuid(rs, "id"), uuid(rs, "model_id"), uuid(rs, "provider_id"),
                rs.getString("upstream_model"), rs.getInt("weight"), rs.getInt("priority"),
                rs.getObject("requests_per_minute", Integer.class), rs.getObject("tokens_per_minute", Long.class),
                millis(rs, "first_byte_timeout_ms"), millis(rs, "total_timeout_ms"),
                millis(rs, "connect_timeout_ms"), millis(rs, "idle_timeout_ms"), costIn == null && costOut == null ? null : new DeploymentEntry.ProviderCost(
                        costIn == null ? BigDecimal.ZERO : costIn, costOut == null ? BigDecimal.ZERO : costOut));
    }

    private static @Nullable Duration millis(ResultSet rs, String column) throws SQLException {
        int millis = rs.getInt(column);
        return rs.wasNull() ? null : Duration.ofMillis(millis);
    }

    /** Each model's strategy and its fallbacks (to models that are in the snapshot), in position order. */
    private static Map<UUID, ModelRouting> readRouting(JdbcClient jdbc, Map<String, ModelEntry> models) {
        Map<UUID, ModelEntry> byId = models.values().stream().collect(Collectors.toMap(ModelEntry::id, m -> m));
        Map<UUID, List<ModelRouting.Fallback>> fallbacks = new HashMap<>();
        jdbc.sql("select model_id, fallback_model_id, covered_by_subscription from model_fallbacks order by model_id, position")
                .query(rs -> {
                    var fallback = byId.get(uuid(rs, "fallback_model_id"));
                    if (fallback != null) {
                        fallbacks.computeIfAbsent(uuid(rs, "model_id"), id -> new ArrayList<>())
                                .add(new ModelRouting.Fallback(fallback, rs.getBoolean("covered_by_subscription")));
                    }
                });
        Map<UUID, ModelRouting> routing = new HashMap<>();
        jdbc.sql("select id, routing_strategy from models where status <> 'DISABLED'").query(rs -> {
            UUID id = uuid(rs, "id");
            var strategy = RoutingStrategy.valueOf(rs.getString("routing_strategy"));
            var chain = List.copyOf(fallbacks.getOrDefault(id, List.of()));
            if (strategy != ModelRouting.DEFAULT.strategy() || !chain.isEmpty()) {
                routing.put(id, new ModelRouting(strategy, chain));
            }
        });
        return Map.copyOf(routing);
    }

    private static Map<UUID, List<BudgetEntry>> readBudgets(JdbcClient jdbc) {
        return Map.copyOf(jdbc.sql("""
                        select b.id, b.tenant_id, b.app_id, b.model_id, m.name as model_name, b.period, b.amount_usd,
                               b.action, d.name as downgrade_model_name
                        from budgets b
                        left join models m on m.id = b.model_id
                        left join models d on d.id = b.downgrade_model_id
                        where b.enabled""")
                .query((rs, n) -> new BudgetEntry(uuid(rs, "id"), uuid(rs, "tenant_id"), uuid(rs, "app_id"),
                        uuid(rs, "model_id"), rs.getString("model_name"), BudgetEntry.Period.valueOf(rs.getString("period")),
                        rs.getBigDecimal("amount_usd"), BudgetEntry.Action.valueOf(rs.getString("action")),
                        rs.getString("downgrade_model_name")))
                .list().stream().collect(Collectors.groupingBy(BudgetEntry::tenantId, Collectors.toUnmodifiableList())));
    }

    private static LimitSettings limitSettings(JdbcClient jdbc) {
        Map<UUID, PlanLimits> ceilings = new HashMap<>();
        jdbc.sql("select * from tenant_limits").query(rs -> {
            ceilings.put(uuid(rs, "tenant_id"), PlanLimits.ofNullable(rs.getObject("requests_per_minute", Integer.class),
                    rs.getObject("requests_per_hour", Integer.class), rs.getObject("tokens_per_minute", Long.class),
                    rs.getObject("tokens_per_day", Long.class), rs.getObject("max_concurrent_requests", Integer.class),
                    null));
        });
        Map<UUID, Integer> maxOutputTokens = new HashMap<>();
        jdbc.sql("select id, max_output_tokens from models where max_output_tokens is not null and status <> 'DISABLED'")
                .query(rs -> {
                    maxOutputTokens.put(uuid(rs, "id"), rs.getInt("max_output_tokens"));
                });
        return new LimitSettings(Map.copyOf(ceilings), Map.copyOf(maxOutputTokens));
    }

    private ProviderEntry provider(ResultSet rs) throws SQLException {
        UUID id = uuid(rs, "id");
        String credential = credentials.decrypt(id, rs.getString("name"), rs.getBytes("credential_ciphertext"),
                rs.getString("credential_key_id"));
        return new ProviderEntry(id, rs.getString("name"), ProviderType.valueOf(rs.getString("type")),
                rs.getString("base_url"), credential, settingsReader.read(rs.getString("settings")),
                java.time.Duration.ofMillis(rs.getInt("connect_timeout_ms")),
                java.time.Duration.ofMillis(rs.getInt("response_timeout_ms")), rs.getLong("version"));
    }

    private static PlanLimits limits(ResultSet rs) throws SQLException {
        return PlanLimits.ofNullable(rs.getObject("requests_per_minute", Integer.class),
                rs.getObject("requests_per_hour", Integer.class), rs.getObject("tokens_per_minute", Long.class),
                rs.getObject("tokens_per_day", Long.class), rs.getObject("max_concurrent_requests", Integer.class),
                rs.getObject("max_tokens_per_request", Integer.class));
    }

    private static <T> Map<UUID, T> byId(List<T> rows, java.util.function.Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toUnmodifiableMap(id, row -> row));
    }

    private static Map<UUID, Map<UUID, SubscriptionEntry>> deepCopy(Map<UUID, Map<UUID, SubscriptionEntry>> map) {
        return map.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Set<String> textSet(Array array) throws SQLException {
        return Set.of((String[]) array.getArray());
    }
}
