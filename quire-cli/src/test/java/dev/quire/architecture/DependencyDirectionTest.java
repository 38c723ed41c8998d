package dev.quire.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of DESIGN.md / STYLE.md: spi and protocol import nothing of ours,
 * the domain never sees HTTP, JDBC or the wire formats, plugins see only spi, and only the
 * server and CLI see everything.
 */
class DependencyDirectionTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.quire");
    }

    @Test
    void spiImportsNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.quire.spi..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.quire.protocol..", "dev.quire.identity..", "dev.quire.core..",
                        "dev.quire.store..", "dev.quire.server..", "dev.quire.cli..")
                .check(classes);
    }

    @Test
    void protocolImportsNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.quire.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.quire.spi..", "dev.quire.identity..", "dev.quire.core..",
                        "dev.quire.store..", "dev.quire.server..", "dev.quire.cli..")
                .check(classes);
    }

    @Test
    void domainNeverSeesWireHttpOrJdbc() {
        noClasses().that().resideInAnyPackage("dev.quire.identity..", "dev.quire.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.quire.protocol..", "dev.quire.store..", "dev.quire.server..", "dev.quire.cli..",
                        "org.eclipse.jetty..", "java.sql..", "javax.sql..", "org.apache.lucene..", "dev.langchain4j..")
                .check(classes);
    }

    @Test
    void identityDoesNotDependOnTheControlPlane() {
        noClasses().that().resideInAPackage("dev.quire.identity..")
                .should().dependOnClassesThat().resideInAPackage("dev.quire.core..")
                .check(classes);
    }

    @Test
    void adaptersSeeOnlyTheSpi() {
        noClasses().that().resideInAnyPackage("dev.quire.store..", "dev.quire.index..", "dev.quire.embed..",
                        "dev.quire.extract..", "dev.quire.llm..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.quire.protocol..", "dev.quire.identity..", "dev.quire.core..",
                        "dev.quire.server..", "dev.quire.cli..")
                .check(classes);
    }

    @Test
    void onlyTheCliSeesTheCli() {
        noClasses().that().resideOutsideOfPackage("dev.quire.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.quire.cli..")
                .check(classes);
    }
}
