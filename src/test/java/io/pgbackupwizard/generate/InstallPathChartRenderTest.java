package io.pgbackupwizard.generate;

import static io.pgbackupwizard.testsupport.ManifestView.list;
import static io.pgbackupwizard.testsupport.ManifestView.map;
import static io.pgbackupwizard.testsupport.ManifestView.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.generate.velero.DisasterRecoveryManifests;
import io.pgbackupwizard.generate.yaml.ManifestYaml;
import io.pgbackupwizard.generate.yaml.Maps;
import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.KotsRenderer;
import io.pgbackupwizard.testsupport.ManifestView;

/**
 * The Bitnami chart (shared reference) rendered with each path's values, and the Velero resources evaluated
 * against the rendered PostgreSQL pod: its namespace, labels, annotations and volumes.
 */
@Tag("slow")
class InstallPathChartRenderTest {

    /** Volume types Velero's opt-out mode never copies (pkg/util/podvolume GetVolumesByPod). */
    static final Set<String> NEVER_COPIED = Set.of("hostPath", "secret", "configMap", "projected", "downwardAPI");

    /** What KOTS hands the templates on Embedded Cluster (the admin console's namespace is kotsadm). */
    static final KotsRenderer.Inputs KOTS = new KotsRenderer.Inputs(
            Map.of("postgres_type", "embedded_postgres", "embedded_postgres_password", "s3cret-pw"),
            Map.of("isSnapshotSupported", "true", "appSlug", "my-app"), null, "kotsadm");

    /** The PostgreSQL StatefulSet's pod template (the primary's when the chart renders several). */
    static Map<String, Object> podTemplate(ChartRenderer.Rendered rendered) {
        List<Map<String, Object>> sets = rendered.requireOk().ofKind("StatefulSet");
        assertEquals(1, sets.size(), () -> "one StatefulSet: " + sets);
        return map(sets.get(0), "spec", "template");
    }

    /** The release a vendor ships to every kind of customer at once. */
    static final String EVERY_PATH = "kots,kurl,embedded-v2,embedded-v3,helm";

    /**
     * EC v2: the Backup takes the PostgreSQL pod (and so runs its hooks); the admin console's pods stay out. The same
     * for the one Backup of a release that serves every path.
     */
    @ParameterizedTest(name = "chart {0}, installPath {1}")
    @CsvSource(delimiter = '|', value = { "8.7.4|embedded-v2", "10.16.2|embedded-v2", "17.1.0|embedded-v2",
            "17.1.0|" + EVERY_PATH })
    void embeddedV2BackupSelectsThePostgresPod(String version, String installPath) {
        Generated g = InstallPathFilesTest.path(installPath, "chartVersion", version, "apiVersion", "kots.io/v1beta2");
        KotsRenderer.Result kots = KOTS.render(g.release().text(ReleaseFile.HELMCHART));
        // KOTS installs the chart into the admin console's namespace: kotsadm on Embedded Cluster.
        Map<String, Object> pod = podTemplate(ChartRenderer.renderDir(ChartRenderer.chartDir(version), kots.releaseName(),
                "kotsadm", ManifestYaml.dump(kots.values()), Map.of()));
        Map<String, Object> labels = map(pod, "metadata", "labels");
        Map<String, Object> backupSpec = map(
                ManifestView.load(KotsRenderer.renderString(g.release().text(ReleaseFile.BACKUP), KOTS)), "spec");

        assertTrue(LabelSelectors.takes(backupSpec, "kotsadm", labels), () -> "pod labels " + labels);
        assertTrue(map(pod, "metadata", "annotations").containsKey("pre.hook.backup.velero.io/command"));
        assertFalse(LabelSelectors.takes(backupSpec, "kotsadm", Map.of("app", "kotsadm", "kots.io/kotsadm", "true")),
                "the admin console's own pods are in the infra backup");
        assertFalse(LabelSelectors.takes(backupSpec, "db", labels), "a namespace the Backup does not name");
        Map<String, Object> withNamespace = map(ManifestView.load(KotsRenderer.renderString(
                ManifestYaml.dump(DisasterRecoveryManifests.backup(Optional.of("db"))), KOTS)), "spec");
        assertTrue(LabelSelectors.takes(withNamespace, "db", labels), "a chart namespace given to the generator");

        Map<String, Object> restore = ManifestView.load(g.release().files().get("restore.yaml"));
        assertEquals(string(ManifestView.load(g.release().text(ReleaseFile.BACKUP)), "metadata", "name"),
                string(restore, "spec", "backupName"));
    }

    /**
     * Helm CLI: a vendor chart with the Bitnami chart as its dependency renders with the values file; whatever the
     * customer's Velero mode, only the scratch volume is copied; the optional Schedule takes the pod.
     */
    @ParameterizedTest
    @MethodSource("io.pgbackupwizard.testsupport.Matrix#renderableChartVersionPerFactsRow")
    void helmValuesWorkInOptInAndOptOutModes(String version, @TempDir Path dir) throws IOException {
        checkHelmValues(InstallPathFilesTest.path("helm", "chartVersion", version, "username", "app_user"), version, dir);
    }

    /** The Helm CLI files of a release that serves every path work the same. */
    @Test
    void helmValuesOfAReleaseForEveryPathWork(@TempDir Path dir) throws IOException {
        checkHelmValues(InstallPathFilesTest.path(EVERY_PATH, "chartVersion", "17.1.0", "username", "app_user",
                "apiVersion", "kots.io/v1beta2"), "17.1.0", dir);
    }

    private static void checkHelmValues(Generated g, String version, Path dir) throws IOException {
        Path parent = dir.resolve("vendor-app");
        copy(ChartRenderer.chartDir(version), parent.resolve("charts/postgresql"));
        Files.writeString(parent.resolve("Chart.yaml"), ManifestYaml.dump(Maps.map("apiVersion", "v2", "name", "vendor-app",
                "version", "1.0.0", "dependencies", List.of(Maps.map("name", "postgresql", "version", version)))));
        // The values set no password: on an install the chart generates one (its lookup finds no Secret yet).
        Map<String, Object> pod = podTemplate(ChartRenderer.renderDir(parent, "customer-release", "customer-ns",
                g.release().files().get("backup-values.yaml"), Map.of()));

        Map<String, Object> annotations = map(pod, "metadata", "annotations");
        List<String> volumes = new ArrayList<>();
        List<String> optOut = new ArrayList<>();
        List<String> excludes = List.of(((String) annotations.get("backup.velero.io/backup-volumes-excludes")).split(","));
        for (Object o : list(pod, "spec", "volumes")) {
            Map<?, ?> v = (Map<?, ?>) o;
            String name = (String) v.get("name");
            volumes.add(name);
            if (NEVER_COPIED.stream().noneMatch(v::containsKey) && !excludes.contains(name))
                optOut.add(name);
        }
        // The data volume comes from a volumeClaimTemplate; Velero's opt-out mode would copy it unless excluded.
        if (!excludes.contains("data"))
            optOut.add("data");
        List<String> optIn = List.of(((String) annotations.get("backup.velero.io/backup-volumes")).split(","));
        assertEquals(List.of("backup"), optIn);
        assertTrue(volumes.contains("backup"), () -> "volumes: " + volumes);
        assertEquals(List.of("backup"), optOut, () -> "opt-out copies " + optOut + " of " + volumes);
        assertTrue(map(pod, "metadata", "annotations").containsKey("post.hook.restore.velero.io/command"));
        assertTrue(pod.toString().contains("app_user"), "the chart creates the hooks' user");

        Map<String, Object> schedule = ManifestView.load(g.release().files().get("velero-schedule.yaml"));
        assertTrue(LabelSelectors.takes(map(schedule, "spec", "template"), "customer-ns", map(pod, "metadata", "labels")),
                () -> "Schedule selector vs pod labels " + map(pod, "metadata", "labels"));
    }

    /** Copies a directory tree (to build a vendor chart around the Bitnami one as its dependency). */
    static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p))
                    Files.createDirectories(target);
                else
                    Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
