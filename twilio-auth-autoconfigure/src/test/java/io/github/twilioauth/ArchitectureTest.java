package io.github.twilioauth;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import io.github.twilioauth.credential.AuthType;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The architecture of the library: packages that show what they do, arrows that point one way,
 * and Spring Boot only where the starter wires the library up.
 */
class ArchitectureTest {

    /**
     * The classes of this module. The stand-in of twilio-auth-test, also on the classpath, is
     * Spring Boot test support of its own module, not the library.
     */
    private static final JavaClasses LIBRARY = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.github.twilioauth")
        .that(JavaClass.Predicates.resideOutsideOfPackage("io.github.twilioauth.test.."));

    /** The descriptor of each auth type, their base class and what javac generates for them. */
    private static final DescribedPredicate<JavaClass> AUTH_TYPE_DESCRIPTORS = DescribedPredicate
        .describe("the auth type descriptors", (javaClass) -> isAuthTypeDescriptor(javaClass)
                || javaClass.getEnclosingClass().map(ArchitectureTest::isAuthTypeDescriptor).orElse(false));

    private static boolean isAuthTypeDescriptor(JavaClass javaClass) {
        return javaClass.isAssignableTo("io.github.twilioauth.autoconfigure.AuthTypeDescriptor");
    }

    /** Switching on an auth type: javac's switch over an enum asks the constant for its ordinal. */
    private static ArchRule noSwitchOnAuthType(DescribedPredicate<JavaClass> classes) {
        return noClasses().that(classes)
            .should()
            .callMethodWhere(target(name("ordinal")).and(target(owner(assignableTo(AuthType.class)))))
            .because("what the starter does differently for one auth type is its descriptor's to say");
    }

    @Test
    void onlyTheAuthTypeDescriptorsSwitchOnAuthType() {
        noSwitchOnAuthType(not(AUTH_TYPE_DESCRIPTORS)).check(LIBRARY);
    }

    @Test
    void outsideTheCredentialProvidersOnlyTheAuthTypeDescriptorsNameAnAuthType() {
        noClasses().that(not(AUTH_TYPE_DESCRIPTORS))
            .and()
            .resideOutsideOfPackage("io.github.twilioauth.credential..")
            .should()
            .accessFieldWhere(target(owner(assignableTo(AuthType.class))))
            .because("a provider names its own type; any other decision by type is its descriptor's")
            .check(LIBRARY);
    }

    @Test
    void theRuleOnSwitchesSeesTheOneSwitchOverAuthType() {
        assertThatExceptionOfType(AssertionError.class)
            .isThrownBy(() -> noSwitchOnAuthType(DescribedPredicate.alwaysTrue()).check(LIBRARY))
            .withMessageContaining("AuthTypeDescriptor.of(");
    }

    @Test
    void libraryPackagesImportNothingFromSpringBoot() {
        noClasses().that()
            .resideInAPackage("io.github.twilioauth..")
            .and()
            .resideOutsideOfPackages("io.github.twilioauth.autoconfigure..", "io.github.twilioauth.health..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.boot..")
            .because("only the auto-configuration, and the health indicator Boot's health support asks for,"
                    + " may know Spring Boot")
            .check(LIBRARY);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.github.twilioauth.(*)..").should().beFreeOfCycles().check(LIBRARY);
    }

    @Test
    void subpackagesFormNoCycleEither() {
        slices().matching("io.github.twilioauth.(**)").should().beFreeOfCycles().check(LIBRARY);
    }

    @Test
    void theBasePackageDependsOnNoOtherPackageOfTheLibrary() {
        noClasses().that()
            .resideInAPackage("io.github.twilioauth")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.github.twilioauth.(*)..")
            .check(LIBRARY);
    }
}
