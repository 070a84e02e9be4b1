package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInputParser;

/**
 * The page switches a field off on the install paths where it does nothing, and says why: that claim
 * (Field.affects) is checked here against the files themselves. Each field's change from HelmChartManifestTest (one
 * valid value other than its default, for every field) is made on a Helm CLI release and on a KOTS one: the files
 * change exactly where the field is said to have an effect.
 */
class FieldEffectTest {

    static java.util.stream.Stream<HelmChartManifestTest.Change> changes() {
        return HelmChartManifestTest.changes().filter(c -> c.field() != Field.INSTALL_PATH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aFieldChangesTheReleaseExactlyWhereItIsSaidToHaveAnEffect(HelmChartManifestTest.Change c) {
        for (InstallPath path : Set.of(InstallPath.HELM, InstallPath.KOTS)) {
            // your own StatefulSet's names are about it alone (the other families' claim: the test below); a move off
            // Bitnami goes to an official image's chart
            String family = c.field() == Field.CONTAINER_NAME || c.field() == Field.DATA_VOLUME ? "statefulset"
                    : Field.MIGRATION.contains(c.field()) ? "groundhog2k" : "bitnami";
            Map<String, String> before = files(path, family, null, migrating(c.field()));
            Map<String, String> after = files(path, family, c, migrating(c.field()));
            if (c.field().affects(Set.of(path))) {
                assertNotEquals(before, after, c + " is said to matter on " + path + " but no file changed");
                assertTrue(c.field().noEffect(Set.of(path)).isEmpty());
            } else {
                assertEquals(before, after, c + " is said to do nothing on " + path + " but a file changed");
                assertTrue(c.field().noEffect(Set.of(path)).orElseThrow().startsWith("No effect on a Helm CLI release"));
            }
        }
    }

    /**
     * The same claim for chart families (Field.noEffectOn): a field said to do nothing with a family changes no file
     * of its release on either install path, or is refused there rather than ignored; every other field changes a file.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aFieldSaidToDoNothingWithAFamilyChangesNoFile(HelmChartManifestTest.Change c) {
        for (ChartFamily family : ChartFamily.values()) {
            if (c.field() == Field.CHART_FAMILY || c.field() == Field.CHART_VERSION)
                continue;
            String kots = InstallPath.KOTS.value();
            List<String> params = new java.util.ArrayList<>(List.of("chartFamily", family.param(), "installPath", kots));
            params.addAll(migrating(c.field()));
            WizardInputParser.Result base = new WizardInputParser().parse(
                    io.pgbackupwizard.testsupport.TestParams.of(params.toArray(String[]::new)));
            params.addAll(List.of(c.field().param(), c.value()));
            var parsed = new WizardInputParser().parse(io.pgbackupwizard.testsupport.TestParams.of(
                    params.toArray(String[]::new)));
            if (!base.ok()) { // a move to a family that is no migration target: refused, whatever the field
                assertTrue(c.field().noEffectOn(family).isPresent() && !parsed.ok(), c + " with " + family);
                continue;
            }
            Map<String, String> before = io.pgbackupwizard.generate.Release.of(base.input()).files();
            if (c.field().noEffectOn(family).isPresent()) {
                assertTrue(!parsed.ok() || before.equals(io.pgbackupwizard.generate.Release.of(parsed.input()).files()),
                        c + " is said to do nothing with " + family + " but a file changed");
            } else if (parsed.ok()) {
                assertNotEquals(before, io.pgbackupwizard.generate.Release.of(parsed.input()).files(),
                        c + " is said to matter with " + family + " but no file changed");
            }
        }
    }

    /**
     * What a field of the move off Bitnami needs around it: a move (unless the field is the move itself) under a name of
     * its own; nothing for the other fields.
     */
    static List<String> migrating(Field field) {
        if (!Field.MIGRATION.contains(field))
            return List.of();
        return field == Field.MIGRATE_FROM ? List.of("name", "app-db")
                : List.of("name", "app-db", "migrateFrom", "17.1.0");
    }

    private static Map<String, String> files(InstallPath path, String family, HelmChartManifestTest.Change c,
            List<String> around) {
        List<String> params = new java.util.ArrayList<>(List.of("installPath", path.value()));
        if (c == null || c.field() != Field.CHART_FAMILY) // else the change is the family itself
            params.addAll(List.of("chartFamily", family));
        if (c != null)
            params.addAll(List.of(c.field().param(), c.value()));
        params.addAll(around);
        return Generated.with(params.toArray(String[]::new)).release().files();
    }
}
