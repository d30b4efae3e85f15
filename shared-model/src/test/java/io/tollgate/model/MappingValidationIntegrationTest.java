package io.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.account.Tenant;
import io.tollgate.testsupport.PostgresIntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

@PostgresIntegrationTest(classes = ModelTestApplication.class)
class MappingValidationIntegrationTest {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    Environment environment;

    @Test
    void the_context_starts_with_ddl_auto_validate_against_the_migrated_schema() {
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(entityManagerFactory.getMetamodel().entity(Tenant.class)).isNotNull();
    }

    @Test
    void every_table_of_the_schema_has_an_entity() {
        Set<String> mapped = entityManagerFactory.getMetamodel().getEntities().stream()
                .map(EntityType::getName)
                .collect(Collectors.toSet());
        assertThat(mapped).containsExactlyInAnyOrder(
                "Plan", "Tenant", "UserAccount", "Membership", "Invitation",
                "LlmModel", "Provider", "Deployment", "Price",
                "App", "ApiKey", "ApiKeyUsage", "Subscription",
                "Budget", "BudgetSpend", "BudgetAlert",
                "UsageEvent", "UsageDaily",
                "Invoice", "InvoiceLine", "InvoiceNumberSequence",
                "Webhook", "AuditLogEntry");
    }
}
