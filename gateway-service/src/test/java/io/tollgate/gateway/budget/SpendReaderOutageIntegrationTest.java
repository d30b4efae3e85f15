package io.tollgate.gateway.budget;

import static io.tollgate.gateway.support.GatewayIntegrationTest.await;

import io.tollgate.gateway.support.Seeder;
import io.tollgate.gateway.support.StandaloneGateway;
import io.tollgate.testsupport.RestartablePostgres;
import io.tollgate.testsupport.TestDatabase;
import io.tollgate.testsupport.TestPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Spend that another replica commits reaches this one through NOTIFY tollgate_spend, not a poll (the reader's
 * unprompted read is a minute apart, longer than any wait here), and again once PostgreSQL is back from an outage.
 */
class SpendReaderOutageIntegrationTest {

    @Test
    void spend_committed_elsewhere_is_read_when_notified_before_and_after_a_database_outage() throws Exception {
        try (RestartablePostgres postgres = TestPostgres.restartable()) {
            TestDatabase database = postgres.database().migrate();
            var seeder = new Seeder(database.dataSource());
            UUID budget = new Budgets(seeder.jdbc()).create(seeder.tenant(), null, null, "100", "BLOCK", null);
            var key = new SpendKey(budget, Budgets.thisMonth());
            try (var gateway = StandaloneGateway.start(database, Files.createTempDirectory("spool-spend"))) {
                await(() -> gateway.get("/readyz").statusCode() == 200, Duration.ofSeconds(20), "readiness");
                var ledger = gateway.bean(SpendLedger.class);
                await(() -> ledger.knownKeys().contains(key), Duration.ofSeconds(10), "the budget's first read");

                addSpend(seeder, budget, "1.5");
                await(() -> ledger.spent(key).compareTo(new BigDecimal("1.5")) == 0, Duration.ofSeconds(5),
                        "another replica's spend");

                postgres.stop();
                postgres.start();
                await(() -> addedSpend(seeder, budget, "2.5"), Duration.ofSeconds(20), "PostgreSQL back");

                await(() -> ledger.spent(key).compareTo(new BigDecimal("4.0")) == 0, Duration.ofSeconds(15),
                        "the spend committed after the outage");
            }
        }
    }

    /** What another replica's batch does to the budget's spend. */
    private static void addSpend(Seeder seeder, UUID budget, String amount) {
        seeder.jdbc().sql("""
                        insert into budget_spend as s (budget_id, period_start, spent_usd) values (?, ?, ?)
                        on conflict (budget_id, period_start) do update set spent_usd = s.spent_usd + excluded.spent_usd""")
                .params(budget, Budgets.thisMonth(), new BigDecimal(amount)).update();
    }

    private static boolean addedSpend(Seeder seeder, UUID budget, String amount) {
        try {
            addSpend(seeder, budget, amount);
            return true;
        } catch (RuntimeException databaseStillStarting) {
            return false;
        }
    }
}
