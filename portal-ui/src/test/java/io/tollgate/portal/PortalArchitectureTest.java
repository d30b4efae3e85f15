package io.tollgate.portal;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.Component;
import io.tollgate.testsupport.ArchitectureRules;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The portal's boundaries: feature packages without cycles, screens that go through services, time from a Clock. */
@AnalyzeClasses(packages = "io.tollgate.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class PortalArchitectureTest {

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles =
            ArchitectureRules.featurePackagesHaveNoCycles("io.tollgate.portal");

    @ArchTest
    static final ArchRule the_portal_imports_no_other_service =
            ArchitectureRules.importsNoOtherService("io.tollgate.gateway", "io.tollgate.billing");

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
            ArchitectureRules.TIME_COMES_FROM_THE_INJECTED_CLOCK;

    @ArchTest
    static final ArchRule every_package_is_null_marked =
            ArchitectureRules.EVERY_PACKAGE_IS_NULL_MARKED;
}
