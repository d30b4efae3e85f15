package io.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.account.Tenant;
import io.tollgate.model.account.TenantRepository;
import io.tollgate.model.account.UserAccount;
import io.tollgate.model.account.UserAccountRepository;
import io.tollgate.model.app.App;
import io.tollgate.model.app.AppRepository;
import io.tollgate.model.catalog.LlmModel;
import io.tollgate.model.catalog.LlmModelRepository;
import io.tollgate.model.plan.PlanRepository;
import io.tollgate.testsupport.PostgresIntegrationTest;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repository tests against the shared, migrated PostgreSQL. Each test runs in a transaction that is rolled back,
 * and makes its own tenants, so tests never see each other's rows.
 */
@PostgresIntegrationTest(classes = ModelTestApplication.class)
@Transactional
public abstract class PersistenceTestBase {

    /** Microsecond precision, as PostgreSQL stores it. */
    protected static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456Z");

    @Autowired
    protected EntityManager entityManager;
    @Autowired
    protected PlanRepository plans;
    @Autowired
    protected TenantRepository tenants;
    @Autowired
    protected UserAccountRepository users;
    @Autowired
    protected AppRepository apps;
    @Autowired
    protected LlmModelRepository models;

    /** Writes pending changes and forgets every loaded entity, so the next read comes from the database. */
    protected void flushAndClear() {
        entityManager.flush();
        entityManager.clear();
    }

    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    protected Tenant tenant() {
        UUID freePlan = plans.findByCode(PlanRepository.FREE).orElseThrow().getId();
        return tenants.save(new Tenant(unique("t-"), "Tenant", freePlan, NOW));
    }

    protected App app(Tenant tenant) {
        return apps.save(new App(tenant.getId(), unique("app-"), "", NOW));
    }

    protected LlmModel model() {
        return models.save(new LlmModel(unique("model-"), "A model", 128_000, NOW));
    }

    protected UserAccount user() {
        return users.save(new UserAccount(unique("user-") + "@example.com", "A User", null, NOW));
    }

    /** The loaded entity holds the same state as the saved one, field by field (numbers by value). */
    protected static <T> void assertSameState(T loaded, T saved) {
        assertThat(loaded).isNotSameAs(saved)
                .usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .ignoringFieldsMatchingRegexes(".*\\binvoice$")
                .isEqualTo(saved);
    }
}
