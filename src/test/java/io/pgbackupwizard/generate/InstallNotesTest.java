package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgbackupwizard.generate.text.InstallNotes;

/** The warnings a release carries (page, help, API) and where its chart archive comes from. */
class InstallNotesTest {

    static boolean warns(Generated g, String start) {
        return InstallNotes.warnings(g.input()).stream().anyMatch(w -> w.startsWith(start));
    }

    /** A chart newer than any the facts were checked against is generated from the newest row, and says so. */
    /** Where the chart has no commonLabels, KOTS snapshots leave its other objects out: v1beta2 releases say so. */
    @Test
    void aChartWithoutCommonLabelsWarnsThatSnapshotsLeaveItsOtherObjectsOut() {
        String start = "With kots.io/v1beta2, groundhog2k postgres 1.6.7 has no commonLabels";
        assertTrue(warns(Generated.with("chartFamily", "groundhog2k", "installPath", "kots"), start));
        assertFalse(warns(Generated.with("chartFamily", "groundhog2k", "installPath", "kots", "apiVersion", "kots.io/v1beta1"),
                start), "v1beta1: KOTS labels every object itself");
        assertTrue(warns(Generated.with("chartVersion", "9.8.13", "installPath", "kots"),
                "With kots.io/v1beta2, Bitnami postgresql 9.8.13 has no commonLabels"));
        assertFalse(warns(Generated.with("chartFamily", "cloudpirates", "installPath", "kots"), "With kots.io/v1beta2"));
        assertFalse(warns(Generated.with("chartVersion", "8.7.4", "installPath", "kots"), "With kots.io/v1beta2, Bitnami"),
                "8.x gets the stronger warning: its pod takes no labels at all");
    }

    @Test
    void aChartNewerThanTheNewestKnownGetsANote() {
        assertTrue(warns(Generated.with("chartVersion", "18.0.0"), "Chart 18.0.0 is newer than the newest Bitnami postgresql"
                + " chart this wizard knows (17.1.0)"),
                () -> "" + InstallNotes.warnings(Generated.with("chartVersion", "18.0.0").input()));
        assertTrue(warns(Generated.with("chartVersion", "17.1.1"), "Chart 17.1.1 is newer"));
        assertFalse(warns(Generated.with("chartVersion", "17.1.0"), "Chart 17.1.0 is newer"));
        assertFalse(warns(Generated.with("chartVersion", "16.7.27"), "Chart 16.7.27 is newer"));
    }

    @Test
    void charts8To10WarnThatNoFreeImageExistsUnlessAMirrorIsSet() {
        for (String v : List.of("8.7.4", "9.8.12", "10.16.2", "10.99.1")) {
            assertTrue(warns(Generated.with("chartVersion", v), "No free image exists for chart " + v), v);
            assertFalse(warns(Generated.with("chartVersion", v, "imageRegistry", "mirror.example.com"), "No free image"),
                    "a mirror is the answer: " + v);
        }
        assertFalse(warns(Generated.with("chartVersion", "11.0.0"), "No free image"));
    }

    @Test
    void theDefaultImageIsFrozenAndTheSidecarsAreExplained() {
        Generated g = Generated.defaults();
        assertTrue(warns(g, "docker.io/bitnamilegacy images are frozen"), () -> "" + InstallNotes.warnings(g.input()));
        assertTrue(warns(g, "If you turn on metrics or volumePermissions"), () -> "" + InstallNotes.warnings(g.input()));
        assertTrue(InstallNotes.warnings(g.input()).stream().anyMatch(w -> w.contains("bitnamilegacy/postgres-exporter")));
        assertFalse(warns(Generated.with("imageRepository", "bitnami/postgresql"), "If you turn on"),
                "the chart's own image needs nothing for the sidecars");
        assertTrue(
                warns(Generated.with("imageRepository", "bitnami/postgresql"), "docker.io/bitnami/postgresql no longer serves"),
                "but it does not pull any more");
    }

    @Test
    void v1beta2On8xSaysThePodCannotBeLabelledAndV1beta1SaysItIsDeprecated() {
        assertTrue(warns(Generated.with("chartVersion", "8.7.4"), "With kots.io/v1beta2, chart 8.7.4 cannot carry"));
        assertFalse(warns(Generated.with("chartVersion", "9.8.12"), "With kots.io/v1beta2, chart 9.8.12 cannot carry"));
        assertFalse(warns(Generated.with("chartVersion", "10.16.2"), "With kots.io/v1beta2"), "commonLabels from 10.x");
        assertTrue(warns(Generated.with("apiVersion", "kots.io/v1beta1"), "kots.io/v1beta1 is deprecated"));
    }

    @Test
    void aMemoryScratchWarnsAboutTheRamItHolds() {
        Generated g = Generated.with("scratchMedium", "Memory");
        assertTrue(InstallNotes.warnings(g.input()).stream()
                .anyMatch(w -> w.startsWith("A Memory scratch volume") && w.contains("1536Mi")));
        assertFalse(warns(Generated.defaults(), "A Memory scratch"));
    }

    @Test
    void theChartSourceNamesTheOciPullAndTheArchiveIndex() {
        String source = InstallNotes.chartSource(Generated.with("chartVersion", "16.7.27").input());
        assertTrue(source.contains("helm pull oci://registry-1.docker.io/bitnamicharts/postgresql --version 16.7.27"), source);
        assertTrue(source.contains("archive-full-index") && source.contains("postgresql-16.7.27.tgz"), source);
        assertEquals(source,
                InstallNotes.chartSource(Generated.with("chartVersion", "16.7.27", "apiVersion", "kots.io/v1beta1").input()));
    }
}
