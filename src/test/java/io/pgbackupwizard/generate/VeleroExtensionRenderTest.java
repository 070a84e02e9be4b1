package io.pgbackupwizard.generate;

import static io.pgbackupwizard.testsupport.ManifestView.list;
import static io.pgbackupwizard.testsupport.ManifestView.map;
import static io.pgbackupwizard.testsupport.ManifestView.string;
import static io.pgbackupwizard.testsupport.ManifestView.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.pgbackupwizard.generate.kots.BackupStorageConfig;
import io.pgbackupwizard.generate.velero.VeleroExtensionManifest;
import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.KotsRenderer;
import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.TestInputs;

/**
 * Embedded Cluster v3: the Velero chart 12.1.0 (shared reference) renders with the values of the emitted Embedded
 * Cluster Config, after KOTS's templates are rendered with the customer's storage settings, with a node agent, the
 * storage location and the schedule; the chart's own values.schema.json is checked by Helm on the way.
 */
@Tag("slow")
class VeleroExtensionRenderTest {

    static final KotsRenderer.Inputs KOTS = new KotsRenderer.Inputs(Map.of(
            BackupStorageConfig.BUCKET, "backups", BackupStorageConfig.PREFIX, "orders",
            BackupStorageConfig.REGION, "eu-west-1", BackupStorageConfig.ENDPOINT, "https://s3.example.com",
            BackupStorageConfig.ACCESS_KEY_ID, "AKIAEXAMPLE", BackupStorageConfig.SECRET_ACCESS_KEY, "secret",
            BackupStorageConfig.SCHEDULE, "0 3 * * *"), Map.of("appSlug", "my-app"), null, "kotsadm");

    static ChartRenderer.Rendered rendered;

    @BeforeAll
    static void render() {
        Generated g = InstallPathFilesTest.path("embedded-v3", "name", "orders-db");
        Map<String, Object> ec = ManifestView.load(g.release().files().get("embedded-cluster-config.yaml"));
        Map<String, Object> entry = map(ec, "spec", "extensions", "helmCharts", "0");
        String values = KotsRenderer.renderString(string(entry, "values"), KOTS);
        rendered = ChartRenderer.renderDir(TestInputs.path("velero/chart-velero-12.1.0"), string(entry, "releaseName"),
                string(entry, "namespace"), values, Map.of()).requireOk();
    }

    static Map<String, Object> only(String kind) {
        List<Map<String, Object>> docs = rendered.ofKind(kind);
        assertEquals(1, docs.size(), () -> kind + "s rendered: " + docs);
        return docs.get(0);
    }

    @Test
    void theNodeAgentRunsOnEveryNodeWithEmbeddedClustersPodDirectory() {
        Map<String, Object> agent = only("DaemonSet");
        assertEquals("node-agent", string(agent, "metadata", "name"));
        List<Object> volumes = list(agent, "spec", "template", "spec", "volumes");
        assertTrue(
                volumes.stream()
                        .anyMatch(v -> VeleroExtensionManifest.POD_VOLUME_PATH.equals(valueAt(castMap(v), "hostPath", "path"))),
                () -> "host-pods volume: " + volumes);
    }

    @Test
    void theScheduleBacksUpTheAppNamespaceDailyAndIsValidForVelero() {
        Map<String, Object> schedule = only("Schedule");
        assertEquals("0 3 * * *", string(schedule, "spec", "schedule"));
        assertEquals(List.of("kotsadm"), list(schedule, "spec", "template", "includedNamespaces"));
        assertEquals(List.of(), CrdSchemas.problems(schedule));
    }

    @Test
    void theStorageLocationAndTheImagesComeFromTheRelease() {
        Map<String, Object> bsl = only("BackupStorageLocation");
        assertEquals("aws", string(bsl, "spec", "provider"));
        assertEquals("true", string(bsl, "spec", "config", "s3ForcePathStyle"));
        Map<String, Object> deployment = only("Deployment");
        Map<String, Object> pod = map(deployment, "spec", "template", "spec");
        String proxy = KotsRenderer.REPLICATED_PROXY + "/my-app/";
        assertEquals(proxy + "docker.io/velero/velero:v1.18.2", string(pod, "containers", "0", "image"));
        assertEquals(proxy + "docker.io/velero/velero-plugin-for-aws:v1.14.2", string(pod, "initContainers", "0", "image"));
        assertEquals("https://s3.example.com", string(bsl, "spec", "config", "s3Url"), "the customer's storage settings");
        assertTrue(rendered.ofKind("VolumeSnapshotLocation").isEmpty(), "snapshotsEnabled: false");
        Map<String, Object> secret = only("Secret");
        assertTrue(valueAt(secret, "data", "cloud") != null || valueAt(secret, "stringData", "cloud") != null,
                secret::toString);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
