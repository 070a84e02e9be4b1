package io.pgbackupwizard.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.model.WizardInputParser;
import io.pgbackupwizard.testsupport.TestParams;

/**
 * The doctor on a release moving off Bitnami, sent as its HelmCharts together: the wizard's own move is clean and
 * opens in the wizard as the same move; a half-done one (no migration chart) is found; the release's other charts
 * (the application's) are left to the PostgreSQL chart's checks; two Bitnami charts are refused with a reason.
 */
class MigrationDoctorTest {

    static Release release(String... params) {
        WizardInputParser.Result r = new WizardInputParser().parse(TestParams.of(params));
        assertTrue(r.ok(), r.errors()::toString);
        return Release.of(r.input());
    }

    static final Release OLD = release("chartVersion", "17.1.0", "name", "orders-pg", "installPath", "kots");
    static final Release MOVE = release("chartFamily", "cloudpirates", "name", "orders-db", "migrateFrom", "17.1.0",
            "migrateFromRelease", "orders-pg", "installPath", "kots");

    static String together(String... docs) {
        return String.join("---\n", docs);
    }

    @Test
    void theWizardsOwnMoveIsCleanAndOpensAsTheSameMove() {
        DoctorReport report = Doctor.check(together(OLD.text(ReleaseFile.HELMCHART), MOVE.text(ReleaseFile.HELMCHART),
                MOVE.text(ReleaseFile.MIGRATION_HELMCHART)), null);
        assertEquals(0, report.aboveWarning(), report.findings()::toString);
        assertEquals("orders-db", report.name(), "the chart moved to is the one checked");
        assertEquals("17.1.0", report.wizardParams().get("migrateFrom"));
        assertEquals("orders-pg", report.wizardParams().get("migrateFromRelease"));
        assertEquals(MOVE.text(ReleaseFile.HELMCHART), report.wizardFile(), "the same HelmChart, made again");
        WizardInputParser.Result again = new WizardInputParser().parse(TestParams.of(report.wizardParams().entrySet()
                .stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new)));
        assertTrue(again.ok() && again.input().migrating(), () -> "the doctor's link opens the move: " + again.errors());
        assertEquals(MOVE.text(ReleaseFile.MIGRATION_HELMCHART), Release.of(again.input())
                .text(ReleaseFile.MIGRATION_HELMCHART));
    }

    @Test
    void bothChartsWithoutTheCopyAreAHalfDoneMove() {
        DoctorReport report = Doctor.check(together(OLD.text(ReleaseFile.HELMCHART), MOVE.text(ReleaseFile.HELMCHART)),
                null);
        List<String> ids = report.findings().stream().map(Finding::rule).toList();
        assertEquals(List.of("MIGRATION_HALF_DONE"), ids.stream().filter(i -> i.startsWith("MIGRATION")).toList());
        assertEquals("17.1.0", report.wizardParams().get("migrateFrom"), "the fix is one link away");
    }

    @Test
    void theApplicationsChartBesideBitnamiLeavesBitnamiChecked() {
        String app = "apiVersion: kots.io/v1beta2\nkind: HelmChart\nmetadata:\n  name: orders\nspec:\n  chart:\n"
                + "    name: orders\n    chartVersion: 2.3.0\n  weight: 10\n";
        DoctorReport report = Doctor.check(together(app, OLD.text(ReleaseFile.HELMCHART)), null);
        assertEquals("orders-pg", report.name());
        assertEquals(0, report.aboveWarning(), report.findings()::toString);
        assertTrue(!report.wizardParams().containsKey("migrateFrom"));
    }

    @Test
    void twoBitnamiChartsAreRefusedWithAReason() {
        ManifestRejected e = assertThrows(ManifestRejected.class, () -> Doctor.check(together(
                OLD.text(ReleaseFile.HELMCHART), release("chartVersion", "16.7.27", "name", "other-pg", "installPath",
                        "kots").text(ReleaseFile.HELMCHART)),
                null));
        assertTrue(e.getMessage().contains("2 of them PostgreSQL charts ([postgresql, postgresql])"), e.getMessage());
    }
}
