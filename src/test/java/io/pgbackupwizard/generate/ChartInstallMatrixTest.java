package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.chart.ChartVersion;
import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.KotsRenderer;
import io.pgbackupwizard.testsupport.ManifestView;

/**
 * The wizard's HelmChart installs: for every chart version in chart version pinned in test-inputs/inputs.lock,
 * both KOTS API versions, online or with a local registry (air gap), a Disk or a Memory scratch, and the default
 * image or a vendor mirror, the HelmChart is turned into values as KOTS would (template functions rendered,
 * optionalValues merged by their when) and the real chart is rendered with Helm. Helm must succeed (the image
 * check of chart 16.3.0 and later included), and the rendered StatefulSet must carry what the wizard promises.
 */
@Tag("slow")
class ChartInstallMatrixTest {

    static final Map<String, String> CONFIG = Map.of("postgres_type", "embedded_postgres",
            "embedded_postgres_password", "s3cret-pw");
    static final Map<String, String> LICENSE = Map.of("isSnapshotSupported", "true", "appSlug", "my-app");
    static final KotsRenderer.LocalRegistry LOCAL = new KotsRenderer.LocalRegistry("registry.local:5000", "myapp",
            "myapp-registry");

    enum Source {
        DEFAULT_IMAGE,
        MIRROR,
        LOCAL_REGISTRY
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String v : ChartRenderer.versions()) {
            for (String api : List.of("kots.io/v1beta1", "kots.io/v1beta2")) {
                for (Source source : Source.values()) {
                    for (String medium : List.of("Disk", "Memory"))
                        cases.add(Arguments.of(v, api, source, medium));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "chart {0} {1} {2} {3}")
    @MethodSource("matrix")
    void theRenderedStatefulSetHasWhatTheWizardPromises(String version, String api, Source source, String medium) {
        List<String> params = new ArrayList<>(List.of("chartVersion", version, "apiVersion", api, "scratchMedium", medium));
        if (source == Source.MIRROR)
            params.addAll(List.of("imageRegistry", "mirror.example.com", "imageRepository", "acme/pg/postgresql"));
        Generated g = Generated.with(params.toArray(String[]::new));
        KotsRenderer.Result kots = new KotsRenderer.Inputs(CONFIG, LICENSE, source == Source.LOCAL_REGISTRY ? LOCAL : null)
                .render(g.release().text(ReleaseFile.HELMCHART));
        assertFalse(kots.excluded(), "embedded keeps the chart");

        ChartRenderer.Rendered rendered = ChartRenderer.render(version, kots.releaseName(), kots.values()).requireOk();
        Map<String, Object> sts = rendered.ofKind("StatefulSet").get(0);
        Map<String, Object> podSpec = ManifestView.map(sts, "spec", "template", "spec");
        Map<String, Object> container = ManifestView.map(sts, "spec", "template", "spec", "containers", "0");

        // The image: the chosen one, or the local registry's with its pull secret (v1beta2; v1beta1's images are
        // rewritten by KOTS after Helm, so Helm still sees the chosen one).
        String tag = chartImageTag(version);
        boolean local = source == Source.LOCAL_REGISTRY && api.equals("kots.io/v1beta2");
        String expectedImage = local ? "registry.local:5000/myapp/postgresql:" + tag
                : source == Source.MIRROR ? "mirror.example.com/acme/pg/postgresql:" + tag
                        : ChartVersion.parse(version).major() >= 11 ? "docker.io/bitnamilegacy/postgresql:" + tag
                                : "docker.io/bitnami/postgresql:" + tag; // 8.x-10.x: no free image; the release warns
        assertEquals(expectedImage, container.get("image"));
        if (local) {
            assertEquals(List.of(Map.of("name", "myapp-registry")), podSpec.get("imagePullSecrets"),
                    "the local registry's pull secret");
        } else {
            assertNull(podSpec.get("imagePullSecrets"), "no pull secret without a local registry");
        }

        // Snapshot labels (v1beta2) on the pod, never in the selector (that would freeze the StatefulSet on a change).
        Map<String, Object> podLabels = ManifestView.map(sts, "spec", "template", "metadata", "labels");
        Map<String, Object> selector = ManifestView.map(sts, "spec", "selector", "matchLabels");
        if (api.equals("kots.io/v1beta2") && ChartVersion.parse(version).major() >= 9) { // 8.x: see SnapshotLabels
            assertEquals("velero", podLabels.get("kots.io/backup"), () -> "pod labels " + podLabels);
            assertEquals("my-app", podLabels.get("kots.io/app-slug"));
        }
        assertFalse(selector.keySet().stream().anyMatch(k -> k.startsWith("kots.io/")), () -> "selector " + selector);
        Object claims = ManifestView.valueAt(sts, "spec", "volumeClaimTemplates");
        for (Object claim : claims == null ? List.of() : (List<?>) claims) {
            Object labels = ManifestView.valueAt(asMap(claim), "metadata", "labels");
            assertFalse(String.valueOf(labels).contains("kots.io/"), "volumeClaimTemplates are immutable: " + labels);
        }

        // Limits that hold the scratch volume (1Gi), where the chart would otherwise apply its nano preset.
        Object limits = ManifestView.valueAt(container, "resources", "limits");
        if (ChartVersion.parse(version).major() >= 15) {
            assertEquals(medium.equals("Memory")
                    ? Map.of("cpu", "1", "memory", "1536Mi", "ephemeral-storage", "1024Mi")
                    : Map.of("cpu", "1", "memory", "512Mi", "ephemeral-storage", "2048Mi"), limits);
        } else {
            assertTrue(limits == null || limits.equals(Map.of()),
                    () -> "before 15.0.0 the chart sets no limits and the wizard writes none: " + limits);
        }

        // Hook annotations and the scratch volume, mounted in the PostgreSQL container.
        Map<String, Object> annotations = ManifestView.map(sts, "spec", "template", "metadata", "annotations");
        assertEquals(g.release().hooks().backupAnnotation(), annotations.get("pre.hook.backup.velero.io/command"));
        assertEquals(g.release().hooks().restoreAnnotation(), annotations.get("post.hook.restore.velero.io/command"));
        assertEquals("backup", annotations.get("backup.velero.io/backup-volumes"));
        Map<String, Object> emptyDir = ((List<?>) podSpec.get("volumes")).stream().map(ChartInstallMatrixTest::asMap)
                .filter(vol -> "backup".equals(vol.get("name"))).findFirst().map(vol -> asMap(vol.get("emptyDir")))
                .orElseThrow(() -> new AssertionError("no backup volume in " + podSpec.get("volumes")));
        assertEquals(medium.equals("Memory") ? Map.of("medium", "Memory", "sizeLimit", "1Gi") : Map.of("sizeLimit", "1Gi"),
                emptyDir);
        assertTrue(((List<?>) container.get("volumeMounts")).contains(Map.of("name", "backup", "mountPath", "/scratch")));

        // The chart's own schema accepts the values (Helm checks it too; this says which rule when it does not).
        assertEquals(Set.of(), schemaProblems(version, kots.values()), "values.schema.json of chart " + version);
    }

    @ParameterizedTest(name = "chart {0}")
    @MethodSource("versions")
    void externalExcludesTheChart(String version) {
        Generated g = Generated.with("chartVersion", version);
        KotsRenderer.Result kots = new KotsRenderer.Inputs(Map.of("postgres_type", "external_postgres",
                "embedded_postgres_password", "x"), LICENSE, null).render(g.release().text(ReleaseFile.HELMCHART));
        assertTrue(kots.excluded(), "external PostgreSQL: KOTS skips the chart");
    }

    static Stream<String> versions() {
        return ChartRenderer.versions().stream();
    }

    /** Without the wizard's allowInsecureImages the chart's image check fails: the check is live in these renders. */
    @ParameterizedTest(name = "chart {0}")
    @MethodSource("imageCheckingVersions")
    void withoutAllowInsecureImagesTheImageCheckFails(String version) {
        Generated g = Generated.with("chartVersion", version, "imageRegistry", "mirror.example.com");
        Map<String, Object> values = new KotsRenderer.Inputs(CONFIG, LICENSE, null)
                .render(g.release().text(ReleaseFile.HELMCHART)).values();
        asMap(values.get("global")).remove("security");
        ChartRenderer.Rendered rendered = ChartRenderer.render(version, "postgresql", values);
        assertFalse(rendered.ok(), "a relocated image without allowInsecureImages must fail on chart " + version);
        assertTrue(rendered.error().contains("Original containers have been substituted"), rendered.error());
    }

    static Stream<String> imageCheckingVersions() {
        return ChartRenderer.versions().stream()
                .filter(v -> ChartVersion.parse(v).compareTo(ChartVersion.parse("16.3.0")) >= 0);
    }

    @Test
    void theMatrixCoversEveryChartGenerationInTheReference() {
        List<String> versions = ChartRenderer.versions();
        assertTrue(versions.size() >= 10, () -> "chart sources: " + versions);
        assertTrue(versions.contains("8.7.4") && versions.contains("17.1.0"), () -> "chart sources: " + versions);
    }

    static String chartImageTag(String version) {
        Map<String, Object> values = ManifestView.load(read(ChartRenderer.chartDir(version).resolve("values.yaml")));
        return ManifestView.string(values, "image", "tag");
    }

    static Set<String> schemaProblems(String version, Map<String, Object> values) {
        return ChartRenderer.schemaProblems(ChartRenderer.chartDir(version), values);
    }

    private static String read(Path p) {
        return io.pgbackupwizard.testsupport.TextFiles.read(p);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
