package io.github.twilioauth;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
    void theBasePackageDependsOnNoOtherPackageOfTheLibrary() {
        noClasses().that()
            .resideInAPackage("io.github.twilioauth")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.github.twilioauth.(*)..")
            .check(LIBRARY);
    }
}
