package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.InstallPath;

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
            Map<String, String> before = files(path, null);
            Map<String, String> after = files(path, c);
            if (c.field().affects(Set.of(path))) {
                assertNotEquals(before, after, c + " is said to matter on " + path + " but no file changed");
                assertTrue(c.field().noEffect(Set.of(path)).isEmpty());
            } else {
                assertEquals(before, after, c + " is said to do nothing on " + path + " but a file changed");
                assertTrue(c.field().noEffect(Set.of(path)).orElseThrow().startsWith("No effect on a Helm CLI release"));
            }
        }
    }

    private static Map<String, String> files(InstallPath path, HelmChartManifestTest.Change c) {
        return (c == null ? Generated.with("installPath", path.value())
                : Generated.with("installPath", path.value(), c.field().param(), c.value())).release().files();
    }
}
