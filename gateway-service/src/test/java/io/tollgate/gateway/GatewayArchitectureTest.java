package io.tollgate.gateway;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.tollgate.testsupport.ArchitectureRules;

/** The gateway's boundaries: feature packages without cycles, no JPA, providers behind their seam, time from a Clock. */
@AnalyzeClasses(packages = "io.tollgate.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles =
            ArchitectureRules.featurePackagesHaveNoCycles("io.tollgate.gateway");

    @ArchTest
    static final ArchRule the_gateway_imports_no_other_service =
            ArchitectureRules.importsNoOtherService("io.tollgate.portal", "io.tollgate.billing");

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
            ArchitectureRules.TIME_COMES_FROM_THE_INJECTED_CLOCK;

    @ArchTest
    static final ArchRule every_package_is_null_marked =
            ArchitectureRules.EVERY_PACKAGE_IS_NULL_MARKED;
}
