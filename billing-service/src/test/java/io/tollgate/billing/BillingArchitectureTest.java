package io.tollgate.billing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.tollgate.testsupport.ArchitectureRules;

/** Billing's boundaries: feature packages without cycles, no other service's code, time from the Clock. */
@AnalyzeClasses(packages = "io.tollgate.billing", importOptions = ImportOption.DoNotIncludeTests.class)
class BillingArchitectureTest {

    @ArchTest
    static final ArchRule feature_packages_have_no_cycles =
            ArchitectureRules.featurePackagesHaveNoCycles("io.tollgate.billing");

    @ArchTest
    static final ArchRule billing_imports_no_other_service =
            ArchitectureRules.importsNoOtherService("io.tollgate.gateway", "io.tollgate.portal");

    @ArchTest
    static final ArchRule time_comes_from_the_injected_clock =
            ArchitectureRules.TIME_COMES_FROM_THE_INJECTED_CLOCK;

    @ArchTest
    static final ArchRule every_package_is_null_marked =
            ArchitectureRules.EVERY_PACKAGE_IS_NULL_MARKED;
}
