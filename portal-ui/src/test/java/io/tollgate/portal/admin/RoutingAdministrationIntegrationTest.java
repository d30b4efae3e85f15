package io.tollgate.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.admin.audit.AuditQueryService;
import io.tollgate.portal.admin.models.Fallback;
import io.tollgate.portal.admin.models.ModelRouting;
import io.tollgate.portal.admin.models.ModelRoutingService;
import io.tollgate.portal.admin.models.RoutingStrategy;
import io.tollgate.portal.admin.providers.DeploymentAdminService;
import io.tollgate.portal.admin.providers.DeploymentDraft;
import io.tollgate.portal.admin.providers.ProviderAdminService;
import io.tollgate.portal.admin.providers.ProviderDraft;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.Catalog;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Routing settings as administrators store them for the gateway: strategies, fallbacks and deployments. */
@PortalIntegrationTest
class RoutingAdministrationIntegrationTest {

    @Autowired
    ModelRoutingService routings;
    @Autowired
    DeploymentAdminService deployments;
    @Autowired
    ProviderAdminService providers;
    @Autowired
    AuditQueryService audit;
    @Autowired
    JdbcClient jdbc;

    PortalUser platformAdmin;
    UUID model;
    UUID fallback;
    UUID secondFallback;

    @BeforeEach
    void setUp() {
        platformAdmin = new Tenants(jdbc).newPlatformUser("ADMIN");
        model = Catalog.newModel(jdbc, false);
        fallback = Catalog.newModel(jdbc, false);
        secondFallback = Catalog.newModel(jdbc, false);
        Tenants.signIn(platformAdmin);
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    @Test
    void a_models_strategy_and_ordered_fallbacks_are_stored_for_the_gateway_read_back_and_audited() {
        assertThat(routings.routing(model)).isEqualTo(new ModelRouting(RoutingStrategy.PRIORITY, List.of()));

        routings.save(model, new ModelRouting(RoutingStrategy.WEIGHTED,
                List.of(new Fallback(fallback, true), new Fallback(secondFallback, false))));

        assertThat(jdbc.sql("select routing_strategy from models where id = ?").param(model).query(String.class)
                .single()).isEqualTo("WEIGHTED");
        assertThat(fallbackRows()).containsExactly(
                Map.of("fallback_model_id", fallback, "position", 0, "covered_by_subscription", true),
                Map.of("fallback_model_id", secondFallback, "position", 1, "covered_by_subscription", false));
        assertThat(routings.routing(model)).isEqualTo(new ModelRouting(RoutingStrategy.WEIGHTED,
                List.of(new Fallback(fallback, true), new Fallback(secondFallback, false))));
        assertThat(audit.latest(platformAdmin.email())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("model.routing.change");
            assertThat(entry.target()).isEqualTo("model " + model);
            assertThat(entry.details()).contains("WEIGHTED")
                    .contains(name(fallback) + " (covered) -> " + name(secondFallback));
        });

        // reordering swaps the positions the unique (model, position) constraint guards
        routings.save(model, new ModelRouting(RoutingStrategy.LOWEST_COST,
                List.of(new Fallback(secondFallback, true), new Fallback(fallback, false))));
        assertThat(routings.routing(model)).isEqualTo(new ModelRouting(RoutingStrategy.LOWEST_COST,
                List.of(new Fallback(secondFallback, true), new Fallback(fallback, false))));

        routings.save(model, new ModelRouting(RoutingStrategy.LEAST_BUSY, List.of()));
        assertThat(fallbackRows()).isEmpty();
        assertThat(routings.routing(model).strategy()).isEqualTo(RoutingStrategy.LEAST_BUSY);
    }

    @Test
    void a_model_cannot_fall_back_to_itself_nor_to_the_same_model_twice_and_a_refusal_changes_nothing() {
        routings.save(model, new ModelRouting(RoutingStrategy.WEIGHTED, List.of(new Fallback(fallback, false))));

        assertThatThrownBy(() -> routings.save(model, new ModelRouting(RoutingStrategy.LOWEST_LATENCY,
                List.of(new Fallback(model, true))))).isInstanceOf(PortalException.class)
                .hasMessage("A model cannot fall back to itself");
        assertThatThrownBy(() -> routings.save(model, new ModelRouting(RoutingStrategy.LOWEST_LATENCY,
                List.of(new Fallback(secondFallback, true), new Fallback(secondFallback, false)))))
                .isInstanceOf(PortalException.class).hasMessage("Each fallback model appears once in the chain");
        assertThatThrownBy(() -> routings.save(model, new ModelRouting(RoutingStrategy.LOWEST_LATENCY,
                List.of(new Fallback(UUID.randomUUID(), true))))).isInstanceOf(PortalException.class)
                .hasMessage("Fallback model not found");

        assertThat(routings.routing(model)).isEqualTo(new ModelRouting(RoutingStrategy.WEIGHTED,
                List.of(new Fallback(fallback, false))));
    }

    @Test
    void every_routing_setting_of_a_deployment_is_stored_read_back_changed_cleared_and_audited() {
        UUID provider = newProvider();
        var draft = new DeploymentDraft(model, "gpt-4o-mini-2024-07-18", 95, 1, true, 600, 150_000L, 2_500,
                60_000, 1_500, 10_000, new BigDecimal("0.15"), new BigDecimal("0.000000001"));

        UUID id = deployments.add(provider, draft);

        assertThat(jdbc.sql("select * from deployments where id = ?").param(id).query().singleRow())
                .containsEntry("model_id", model).containsEntry("provider_id", provider)
                .containsEntry("upstream_model", "gpt-4o-mini-2024-07-18").containsEntry("weight", 95)
                .containsEntry("priority", 1).containsEntry("enabled", true)
                .containsEntry("requests_per_minute", 600).containsEntry("tokens_per_minute", 150_000L)
                .containsEntry("first_byte_timeout_ms", 2_500).containsEntry("total_timeout_ms", 60_000)
                .containsEntry("connect_timeout_ms", 1_500).containsEntry("idle_timeout_ms", 10_000)
                .containsEntry("cost_input_per_million", new BigDecimal("0.150000000"))
                .containsEntry("cost_output_per_million", new BigDecimal("0.000000001"));
        assertThat(readBack(provider, id)).isEqualTo(normalised(draft));

        var changed = new DeploymentDraft(model, "gpt-4o-mini", 5, 0, false, null, null, null, null, null, null, BigDecimal.ZERO,
                BigDecimal.ZERO);
        deployments.update(id, 0, changed);

        assertThat(readBack(provider, id)).isEqualTo(normalised(changed));
        assertThat(audit.latest(platformAdmin.email())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("deployment.update");
            assertThat(entry.details()).contains("\"weight\": \"5\"").contains("\"requestsPerMinute\": \"none\"")
                    .contains("\"idleTimeoutMs\": \"none\"");
        }).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("deployment.create");
            assertThat(entry.details()).contains("\"firstByteTimeoutMs\": \"2500\"")
                    .contains("\"totalTimeoutMs\": \"60000\"")
                    .contains("\"connectTimeoutMs\": \"1500\"").contains("\"idleTimeoutMs\": \"10000\"")
                    .contains("\"costInputPerMillion\": \"0.15\"");
        });
    }

    @Test
    void out_of_range_deployment_settings_are_refused_with_a_message_that_names_the_rule() {
        UUID provider = newProvider();
        UUID id = deployments.add(provider, valid(100, 0, null, null, null, null));

        Map<DeploymentDraft, String> refused = Map.ofEntries(
                Map.entry(valid(10_001, 0, null, null, null, null),
                        "Weight is a whole number from 0 to 10000"),
                Map.entry(valid(-1, 0, null, null, null, null),
                        "Weight is a whole number from 0 to 10000"),
                Map.entry(valid(100, -1, null, null, null, null),
                        "Priority is 0 or more (lower is tried first)"),
                Map.entry(valid(100, 0, 0, null, null, null),
                        "Requests per minute: positive, or empty when unknown"),
                Map.entry(valid(100, 0, null, 0L, null, null),
                        "Tokens per minute: positive, or empty when unknown"),
                Map.entry(valid(100, 0, null, null, 0, null),
                        "First-byte timeout: positive milliseconds, or empty for the "
                        + "provider's response timeout"),
                Map.entry(new DeploymentDraft(model, "upstream", 100, 0, true,
                                null, null, null, 0, null, null, null, null),
                        "Total timeout: positive milliseconds, or empty for no limit of its own"),
                Map.entry(new DeploymentDraft(model, "upstream", 100, 0, true,
                                null, null, null, null, 0, null, null, null),
                        "Connect timeout: positive milliseconds, or empty for the provider's connect timeout"),
                Map.entry(new DeploymentDraft(model, "upstream", 100, 0, true,
                                null, null, null, null, null, -1, null, null),
                        "Idle timeout: positive milliseconds, or empty for the provider's response timeout"),
                Map.entry(valid(100, 0, null, null, null, new BigDecimal("-0.01")),
                        "Provider cost: not negative, at most 9 "
                        + "decimals, below 10 billion"),
                Map.entry(valid(100, 0, null, null, null, new BigDecimal("0.0000000001")),
                        "Provider cost: not negative, at "
                        + "most 9 decimals, below 10 billion"),
                Map.entry(new DeploymentDraft(model, "upstream", 100, 0, true, null, null, null, null, null, null,
                        new BigDecimal("0.15"), null),
                        "Provider cost: give the input and the output cost, or neither"));
        refused.forEach((draft, message) -> {
            assertThatThrownBy(() -> deployments.update(id, 0, draft)).as(message)
                    .isInstanceOf(PortalException.class).hasMessage(message);
            assertThatThrownBy(() -> deployments.add(provider, draft)).as(message)
                    .isInstanceOf(PortalException.class).hasMessage(message);
        });

        assertThat(readBack(provider, id)).isEqualTo(normalised(valid(100, 0, null, null, null, null)));
        assertThat(deployments.deployments(provider)).hasSize(1);
    }

    @Test
    void tenant_administrators_reach_neither_routing_nor_deployments() {
        UUID provider = newProvider();
        Tenants.signIn(new Tenants(jdbc).newTenantMember("ADMIN"));

        assertThatThrownBy(() -> routings.routing(model)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> routings.save(model, new ModelRouting(RoutingStrategy.WEIGHTED, List.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deployments.deployments(provider)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deployments.add(provider, valid(1, 0, null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select routing_strategy from models where id = ?").param(model).query(String.class)
                .single()).isEqualTo("PRIORITY");
    }

    private DeploymentDraft valid(int weight, int priority, Integer rpm, Long tpm, Integer firstByteMs,
                                 BigDecimal inputCost) {
        return new DeploymentDraft(model, "upstream", weight, priority, true, rpm, tpm, firstByteMs, null, null, null, inputCost,
                inputCost == null ? null : BigDecimal.ONE);
    }

    private UUID newProvider() {
        return providers.save(null, new ProviderDraft("p-" + UUID.randomUUID(), "MOCK", null, true, null, true, null, null, null), null);
    }

    private DeploymentDraft readBack(UUID provider, UUID deployment) {
        return deployments.deployments(provider).stream().filter(row -> row.id().equals(deployment))
                .map(row -> normalised(row.draft())).findFirst().orElseThrow();
    }

    /** numeric(19, 9) reads back with nine decimals; the value is what counts. */
    private static DeploymentDraft normalised(DeploymentDraft draft) {
        return new DeploymentDraft(draft.modelId(), draft.upstreamModel(), draft.weight(), draft.priority(),
                draft.enabled(), draft.requestsPerMinute(), draft.tokensPerMinute(), draft.firstByteTimeoutMs(),
                draft.totalTimeoutMs(), draft.connectTimeoutMs(), draft.idleTimeoutMs(), plain(draft.costInputPerMillion()), plain(draft.costOutputPerMillion()));
    }

    private static BigDecimal plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros();
    }

    private List<Map<String, Object>> fallbackRows() {
        return jdbc.sql("""
                        select fallback_model_id, position, covered_by_subscription from model_fallbacks
                        where model_id = ? order by position""")
                .param(model).query().listOfRows();
    }

    private String name(UUID modelId) {
        return jdbc.sql("select name from models where id = ?").param(modelId).query(String.class).single();
    }
}
