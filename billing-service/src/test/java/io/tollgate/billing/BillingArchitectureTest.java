package io.tollgate.billing;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
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

/** Billing's boundaries: feature packages without cycles, no other service's code, time from the Clock. */
@AnalyzeClasses(packages = "io.tollgate.billing", importOptions = ImportOption.DoNotIncludeTests.class)
class BillingArchitectureTest {

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles =
            slices().matching("io.tollgate.billing.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule billing_imports_no_other_service =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("io.tollgate.gateway..", "io.tollgate.portal..");

    @ArchTest
    static final ArchRule time_comes_from_the_injected_clock =
            noClasses().should().callMethod(Instant.class, "now")
                    .orShould().callMethod(LocalDate.class, "now")
                    .orShould().callMethod(LocalDateTime.class, "now")
                    .orShould().callMethod(OffsetDateTime.class, "now")
                    .orShould().callMethod(ZonedDateTime.class, "now")
                    .orShould().callMethod(System.class, "currentTimeMillis")
                    .because("time is read from the injected java.time.Clock, so tests can move it (month close)");

    @ArchTest
    static final ArchRule every_package_is_null_marked =
            classes().should(be(describe("in a @NullMarked package",
                            (JavaClass type) -> type.getPackage().isAnnotatedWith(NullMarked.class))))
                    .because("each package's package-info.java makes non-null the default, and @Nullable the exception");
}
