package io.tollgate.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.jspecify.annotations.NullMarked;

/** The boundary rules every service holds to; each service's architecture test adds its own. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The feature packages right below {@code root} (a service's base package) depend on each other without cycles. */
    public static ArchRule featurePackagesHaveNoCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** A service never imports another: they share only shared-model and the database. */
    public static ArchRule importsNoOtherService(String... otherServicePackages) {
        String[] packages = new String[otherServicePackages.length];
        for (int i = 0; i < packages.length; i++) {
            packages[i] = otherServicePackages[i] + "..";
        }
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(packages);
    }

    public static final ArchRule TIME_COMES_FROM_THE_INJECTED_CLOCK =
            noClasses().should().callMethod(Instant.class, "now")
                    .orShould().callMethod(LocalDate.class, "now")
                    .orShould().callMethod(LocalDateTime.class, "now")
                    .orShould().callMethod(OffsetDateTime.class, "now")
                    .orShould().callMethod(ZonedDateTime.class, "now")
                    .orShould().callMethod(System.class, "currentTimeMillis")
                    .because("time is read from the injected java.time.Clock, so tests can move it");

    public static final ArchRule EVERY_PACKAGE_IS_NULL_MARKED =
            classes().should(be(describe("in a @NullMarked package",
                            (JavaClass type) -> type.getPackage().isAnnotatedWith(NullMarked.class))))
                    .because("each package's package-info.java makes non-null the default, and @Nullable the exception");
}
