package io.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.app.App;
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
        assertThat(entityManagerFactory.getMetamodel().entity(App.class)).isNotNull();
    }

    @Test
    void the_entities_are_those_with_a_production_caller() {
        Set<String> mapped = entityManagerFactory.getMetamodel().getEntities().stream()
                .map(EntityType::getName)
                .collect(Collectors.toSet());
        assertThat(mapped).containsExactlyInAnyOrder("App", "ApiKey", "ApiKeyUsage", "Subscription", "Invoice",
                "InvoiceLine", "Model", "Price", "Provider", "Deployment", "Plan", "Tenant", "UserAccount",
                "TenantMembership", "Invitation", "Budget", "Webhook", "TenantBillingContact");
    }
}
