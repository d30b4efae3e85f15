package io.tollgate.gateway.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Budget rows as the portal writes them, and what the gateway books on them. */
record Budgets(JdbcClient jdbc) {

    /** Chat fixture usage (1,200 prompt of which 1,024 cached, 300 completion) at 2.50 / 1.25 / 10.00 per million. */
    static final BigDecimal CHAT_COST = new BigDecimal("0.004720");

    UUID create(UUID tenant, @Nullable UUID app, @Nullable String model, String amount, String action,
                @Nullable String downgradeModel, Integer... thresholds) {
        UUID id = UUID.randomUUID();
        String scope = app == null ? "TENANT" : model == null ? "APP" : "APP_MODEL";
        jdbc.sql("""
                        insert into budgets (id, tenant_id, scope, app_id, model_id, amount_usd, thresholds, action,
                                             downgrade_model_id)
                        values (?, ?, ?, ?, (select id from models where name = ?), ?,
                                coalesce(?::integer[], '{50,80,100}'::integer[]), ?, (select id from models where name = ?))""")
                .params(id, tenant, scope, app, model, new BigDecimal(amount), thresholds.length == 0 ? null : thresholds,
                        action, downgradeModel)
                .update();
        return id;
    }

    BigDecimal spent(UUID budget) {
        return jdbc.sql("select coalesce(sum(spent_usd), 0) from budget_spend where budget_id = ?").param(budget)
                .query(BigDecimal.class).single();
    }

    List<Map<String, Object>> alerts(UUID budget) {
        return jdbc.sql("select * from budget_alerts where budget_id = ? order by threshold_percent").param(budget)
                .query().listOfRows();
    }

    static LocalDate thisMonth() {
        return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    }
}
