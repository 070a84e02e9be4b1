package io.pgbackupwizard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import io.pgbackupwizard.chart.ChartVersion;

/**
 * The direction of imports, kept by a test rather than by care: data flows chart facts -> model -> generate ->
 * doctor -> web, the core (chart, model, generate, doctor) knows no framework, and the request guards know no other room of
 * web.
 * A wrong import fails here with the offending class and line.
 */
class ArchitectureTest {

    static final String ROOT = "io.pgbackupwizard";
    static final String[] FRAMEWORKS = { "io.quarkus..", "jakarta..", "io.vertx..", "io.netty..", "io.smallrye..",
            "org.jboss..", "org.eclipse.microprofile.." };
    static JavaClasses main;

    @BeforeAll
    static void load() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    static void check(ArchRule rule) {
        rule.check(main);
    }

    @Test
    void chartFactsImportNothingOfTheProjectAndNoFramework() {
        check(noClasses().that().resideInAPackage(ROOT + ".chart..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".model..", ROOT + ".generate..", ROOT + ".doctor..", ROOT + ".web..")
                .orShould().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS));
    }

    /** What a chart version implies is asked of the chart facts; no other room compares version numbers. */
    @Test
    void onlyTheChartFactsCompareVersionNumbers() {
        check(noClasses().that().resideOutsideOfPackage(ROOT + ".chart..").should().callMethod(ChartVersion.class, "major")
                .orShould().callMethod(ChartVersion.class, "minor").orShould().callMethod(ChartVersion.class, "patch")
                .orShould().callMethod(ChartVersion.class, "compareTo", ChartVersion.class));
    }

    @Test
    void modelImportsNoOtherRoomAndNoFramework() {
        check(noClasses().that().resideInAPackage(ROOT + ".model..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".generate..", ROOT + ".doctor..", ROOT + ".web..")
                .orShould().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS));
    }

    @Test
    void generateImportsOnlyTheModelAndNoFramework() {
        check(noClasses().that().resideInAPackage(ROOT + ".generate..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".doctor..", ROOT + ".web..")
                .orShould().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS));
    }

    /**
     * The generator's rooms build files; the catalogue above them ({@code generate}: ReleaseFile, Release) calls them
     * and never the other way round, and the rooms lean one way: yaml <- hooks <- kots <- velero, helm <- text.
     */
    @Test
    void generatorRoomsLeanOneWay() {
        String g = ROOT + ".generate";
        check(noClasses().that().resideInAPackage(g + ".*..").should().dependOnClassesThat().resideInAPackage(g));
        check(noClasses().that().resideInAPackage(g + ".yaml..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".generate.*..").orShould().dependOnClassesThat().resideOutsideOfPackages(
                        g + ".yaml..", "java..", "org.yaml.."));
        check(noClasses().that().resideInAnyPackage(g + ".hooks..", g + ".kots..", g + ".velero..", g + ".helm..")
                .should().dependOnClassesThat().resideInAPackage(g + ".text.."));
        check(noClasses().that().resideInAnyPackage(g + ".hooks..").should().dependOnClassesThat()
                .resideInAnyPackage(g + ".kots..", g + ".velero..", g + ".helm.."));
        check(noClasses().that().resideInAnyPackage(g + ".kots..").should().dependOnClassesThat()
                .resideInAnyPackage(g + ".velero..", g + ".helm.."));
        check(slices().matching(g + ".(*)..").should().beFreeOfCycles());
    }

    @Test
    void doctorImportsNoWebAndNoFramework() {
        check(noClasses().that().resideInAPackage(ROOT + ".doctor..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".web..")
                .orShould().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS));
    }

    @Test
    void requestGuardsImportNoOtherRoom() {
        check(noClasses().that().resideInAPackage(ROOT + ".web.guard..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".chart..", ROOT + ".model..", ROOT + ".generate..", ROOT + ".doctor..",
                        ROOT + ".web", ROOT + ".web.page..", ROOT + ".web.api..", ROOT + ".web.doctor.."));
    }

    /** The page, the machine API and the doctor's front share what sits in web itself; web itself knows none of them. */
    @Test
    void webRoomsShareOnlyTheWebRoot() {
        String w = ROOT + ".web";
        check(noClasses().that().resideInAPackage(w).should().dependOnClassesThat()
                .resideInAnyPackage(w + ".page..", w + ".api..", w + ".doctor.."));
        check(noClasses().that().resideInAPackage(w + ".api..").should().dependOnClassesThat()
                .resideInAnyPackage(w + ".page..", w + ".doctor.."));
        check(noClasses().that().resideInAPackage(w + ".doctor..").should().dependOnClassesThat()
                .resideInAnyPackage(w + ".page..", w + ".api.."));
        // The page answers curl with the API's plain-text help: the one arrow between rooms.
        check(noClasses().that().resideInAPackage(w + ".page..").should().dependOnClassesThat()
                .resideInAnyPackage(w + ".doctor.."));
        check(slices().matching(w + ".(*)..").should().beFreeOfCycles());
    }

    @Test
    void noCyclesBetweenRooms() {
        check(slices().matching(ROOT + ".(*)..").should().beFreeOfCycles());
    }
}
