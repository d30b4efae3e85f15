package io.tollgate.gateway;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.jspecify.annotations.NullMarked;

/** The gateway's boundaries: feature packages without cycles, no JPA, providers behind their seam, time from a Clock. */
@AnalyzeClasses(packages = "io.tollgate.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles =
            slices().matching("io.tollgate.gateway.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_gateway_imports_no_other_service =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("io.tollgate.portal..", "io.tollgate.billing..");

    @ArchTest
    static final ArchRule the_gateway_never_loads_jpa =
            noClasses().should().dependOnClassesThat(resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                    .and(not(resideInAPackage("org.hibernate.validator..")))
                    .or(annotatedWith("jakarta.persistence.Entity"))
                    .or(resideInAPackage("org.springframework.data..")))
                    .because("the gateway reads with plain JDBC; Hibernate Validator (for its settings) is no ORM");

    @ArchTest
    static final ArchRule api_and_pipeline_reach_providers_only_through_the_provider_seam =
            noClasses().that().resideInAnyPackage("io.tollgate.gateway.api..", "io.tollgate.gateway.pipeline..")
                    .should().dependOnClassesThat(resideInAPackage("io.tollgate.gateway.provider..")
                            .and(not(resideInAPackage("io.tollgate.gateway.provider"))))
                    .because("a provider is reached through the provider package's seam, never by its adapter");

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
