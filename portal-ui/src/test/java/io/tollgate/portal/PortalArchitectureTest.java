package io.tollgate.portal;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.Component;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.jspecify.annotations.NullMarked;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The portal's boundaries: feature packages without cycles, screens that go through services, time from a Clock. */
@AnalyzeClasses(packages = "io.tollgate.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class PortalArchitectureTest {

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles =
            slices().matching("io.tollgate.portal.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_portal_imports_no_other_service =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("io.tollgate.gateway..", "io.tollgate.billing..");

    @ArchTest
    static final ArchRule screens_never_query_the_database_themselves =
            noClasses().that().areAssignableTo(Component.class)
                    .should().dependOnClassesThat(assignableTo(org.springframework.data.repository.Repository.class)
                            .or(annotatedWith(Repository.class))
                            .or(assignableTo(JdbcClient.class))
                            .or(assignableTo(JdbcTemplate.class))
                            .or(assignableTo(NamedParameterJdbcTemplate.class)))
                    .because("views and forms call services, which check the caller's role and tenant");

    @ArchTest
    static final ArchRule time_comes_from_the_injected_clock =
            noClasses().should().callMethod(Instant.class, "now")
                    .orShould().callMethod(LocalDate.class, "now")
                    .orShould().callMethod(LocalDateTime.class, "now")
                    .orShould().callMethod(OffsetDateTime.class, "now")
                    .orShould().callMethod(ZonedDateTime.class, "now")
                    .orShould().callMethod(System.class, "currentTimeMillis")
                    .because("time is read from the injected java.time.Clock, so tests can move it");

    @ArchTest
    static final ArchRule every_package_is_null_marked =
            classes().should(be(describe("in a @NullMarked package",
                            (JavaClass type) -> type.getPackage().isAnnotatedWith(NullMarked.class))))
                    .because("each package's package-info.java makes non-null the default, and @Nullable the exception");
}
