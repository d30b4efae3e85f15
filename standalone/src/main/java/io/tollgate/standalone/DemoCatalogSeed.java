package io.tollgate.standalone;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo catalog: the built-in mock provider and three models served by it, priced like their
 * namesakes (USD per million tokens) from 2026-01-01.
 */
final class DemoCatalogSeed {

    static final String PROVIDER = "mock";
    static final OffsetDateTime PRICES_FROM = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    record DemoModel(String name, String displayName, String capabilities, int contextWindow,
                     Integer maxOutputTokens, boolean requiresApproval,
                     String inputPerMillion, String outputPerMillion, String cachedInputPerMillion) {
    }

    static final List<DemoModel> MODELS = List.of(
            new DemoModel("gpt-4o-mini", "GPT-4o mini", "{chat,completions,streaming,tools,vision}", 128_000, 16_384,
                    false, "0.15", "0.60", "0.075"),
            new DemoModel("gpt-4o", "GPT-4o", "{chat,completions,streaming,tools,vision}", 128_000, 16_384,
                    true, "2.50", "10.00", "1.25"),
            new DemoModel("text-embedding-3-small", "Text embedding 3 small", "{embeddings}", 8_191, null,
                    false, "0.02", "0", "0"));

    /** Model ids by name. */
    Map<String, UUID> ensure(SeedStatements sql) throws SQLException {
        UUID provider = sql.ensure(sql.findId("select id from providers where name = ?", PROVIDER), """
                insert into providers (id, name, type, settings) values (?, ?, 'MOCK', cast(? as jsonb))""",
                PROVIDER, "{\"latencyMs\": 0}");
        Map<String, UUID> models = new LinkedHashMap<>();
        for (DemoModel model : MODELS) {
            UUID id = sql.ensure(sql.findId("select id from models where name = ?", model.name()), """
                    insert into models (id, name, display_name, description, capabilities, context_window,
                                        max_output_tokens, requires_approval)
                    values (?, ?, ?, 'Demo model served by the mock provider', cast(? as text[]), ?, ?, ?)""",
                    model.name(), model.displayName(), model.capabilities(), model.contextWindow(),
                    model.maxOutputTokens(), model.requiresApproval());
            sql.ensure(sql.findId("""
                    select id from deployments where model_id = ? and provider_id = ? and upstream_model = ?""",
                    id, provider, model.name()), """
                    insert into deployments (id, model_id, provider_id, upstream_model) values (?, ?, ?, ?)""",
                    id, provider, model.name());
            sql.ensure(sql.findId("select id from prices where model_id = ? and effective_from = ?", id, PRICES_FROM), """
                    insert into prices (id, model_id, effective_from, input_per_million, output_per_million,
                                        cached_input_per_million)
                    values (?, ?, ?, ?, ?, ?)""",
                    id, PRICES_FROM, new BigDecimal(model.inputPerMillion()), new BigDecimal(model.outputPerMillion()),
                    new BigDecimal(model.cachedInputPerMillion()));
            models.put(model.name(), id);
        }
        return models;
    }
}
