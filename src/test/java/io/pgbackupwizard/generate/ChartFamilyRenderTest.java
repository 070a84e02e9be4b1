package io.pgbackupwizard.generate;

import static io.pgbackupwizard.testsupport.ManifestView.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.generate.kots.AppDatabaseValues;
import io.pgbackupwizard.generate.yaml.ManifestYaml;
import io.pgbackupwizard.generate.yaml.Maps;
import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.KotsRenderer;
import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.RenderedPod;

/**
 * The chart families beyond Bitnami, rendered with real Helm from their pinned sources: for every version among the
 * test inputs, both KOTS API versions and three image sources (the chart's own, a vendor mirror, a KOTS local
 * registry), the HelmChart is turned into values as KOTS would and the chart is rendered; and the Helm CLI values
 * go into a vendor chart that takes the chart as a dependency under the alias postgresql. The hooks must name the
 * container that runs PostgreSQL, only the scratch volume may be copied, and the chart's own schema must accept the
 * values. (The Bitnami family has its own, larger matrix: ChartInstallMatrixTest, InstallPathChartRenderTest.)
 */
@Tag("slow")
class ChartFamilyRenderTest {

    enum Source {
        CHARTS_OWN,
        MIRROR,
        LOCAL_REGISTRY
    }

    static Stream<Arguments> kotsMatrix() {
        List<Arguments> cases = new ArrayList<>();
        for (ChartFamily family : beyondBitnami()) {
            for (String v : ChartRenderer.versions(family)) {
                for (String api : List.of("kots.io/v1beta1", "kots.io/v1beta2")) {
                    for (Source source : Source.values())
                        cases.add(Arguments.of(family, v, api, source));
                }
            }
        }
        return cases.stream();
    }

    /** The Config's values at install: the user's password and, where the chart needs one, the superuser's. */
    static final Map<String, String> CONFIG = Map.of("postgres_type", "embedded_postgres",
            "embedded_postgres_password", "s3cret-pw", "embedded_postgres_password_superuser", "root-pw");

    /** The same on Embedded Cluster (the admin console's namespace is kotsadm). */
    static final KotsRenderer.Inputs EMBEDDED = new KotsRenderer.Inputs(CONFIG, ChartInstallMatrixTest.LICENSE, null,
            "kotsadm");

    static List<ChartFamily> beyondBitnami() {
        return Stream.of(ChartFamily.values()).filter(f -> f != ChartFamily.BITNAMI && !f.backsItselfUp() && !f.ownWorkload())
                .toList();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("kotsMatrix")
    void theHelmChartInstallsTheChartWithWorkingHooks(ChartFamily family, String version, String api, Source source) {
        List<String> params = new ArrayList<>(List.of("chartFamily", family.param(), "chartVersion", version,
                "apiVersion", api, "installPath", "kots", "username", "app_user"));
        if (source == Source.MIRROR)
            params.addAll(List.of("imageRegistry", "mirror.example.com", "imageRepository", "acme/pg/postgres"));
        Generated g = Generated.with(params.toArray(String[]::new));
        KotsRenderer.Result kots = new KotsRenderer.Inputs(CONFIG, ChartInstallMatrixTest.LICENSE,
                source == Source.LOCAL_REGISTRY ? ChartInstallMatrixTest.LOCAL : null)
                .render(g.release().text(ReleaseFile.HELMCHART));
        assertFalse(kots.excluded(), "embedded keeps the chart");
        ChartRenderer.Rendered rendered = ChartRenderer.render(family, version, kots.releaseName(), kots.values())
                .requireOk();
        RenderedPod pod = RenderedPod.of(rendered);
        Map<String, Object> sts = rendered.ofKind("StatefulSet").get(0);
        Map<String, Object> podSpec = map(sts, "spec", "template", "spec");

        String container = hooksReachPostgres(pod, g);
        Map<String, String> env = pod.env(container);
        ChartFacts facts = g.input().chart();
        assertEquals("app_user", env.get(facts.userIsSuperuser() ? "POSTGRES_USER" : "USERDB_USER"),
                "the chart's user, whom the hooks connect as");
        assertEquals("s3cret-pw", env.get(facts.appPasswordVariable()),
                "the Config's password reaches the variable the hooks read");
        if (facts.superuserPasswordPath() != null)
            assertEquals("root-pw", env.get(facts.superuserPasswordVariable()), "the superuser's own generated password");
        onlyTheScratchIsCopied(pod, map(sts, "spec", "template", "metadata", "annotations"));

        // The image: the chart's own tag (with its digest) wherever it is pulled from.
        String tag = ManifestView.string(ChartRenderer.defaultValues(family, version), "image", "tag");
        if (tag == null || tag.isEmpty()) // the chart's appVersion
            tag = String.valueOf(ManifestView.load(io.pgbackupwizard.testsupport.TestInputs.read(
                    ChartRenderer.sources(family) + version + "/Chart.yaml")).get("appVersion"));
        boolean local = source == Source.LOCAL_REGISTRY && api.equals("kots.io/v1beta2");
        String expected = (local ? "registry.local:5000/myapp/postgres"
                : source == Source.MIRROR ? "mirror.example.com/acme/pg/postgres" : "docker.io/postgres") + ":" + tag;
        assertEquals(expected, pod.container(container).get("image"));
        if (local)
            assertEquals(List.of(Map.of("name", "myapp-registry")), podSpec.get("imagePullSecrets"));
        else
            assertNull(podSpec.get("imagePullSecrets"), "no pull secret without a local registry");

        // KOTS snapshot labels on the pod (v1beta2), never in the immutable selector.
        Map<String, Object> labels = map(sts, "spec", "template", "metadata", "labels");
        if (api.equals("kots.io/v1beta2")) {
            assertEquals("velero", labels.get("kots.io/backup"), () -> "pod labels " + labels);
            assertEquals("my-app", labels.get("kots.io/app-slug"));
        }
        assertFalse(map(sts, "spec", "selector", "matchLabels").keySet().stream().anyMatch(k -> k.startsWith("kots.io/")));

        // The application's connection names the chart's Service.
        String host = AppDatabaseValues.embeddedHost(g.input()).replace(".repl{{ Namespace }}.svc", "");
        assertTrue(rendered.ofKind("Service").stream().anyMatch(s -> host.equals(map(s, "metadata").get("name"))),
                () -> "no Service " + host);
        assertEquals(Set.of(), ChartRenderer.schemaProblems(ChartRenderer.chartDir(family, version), kots.values()),
                "values.schema.json of " + family.title() + " " + version);
    }

    static Stream<Arguments> charts() {
        return beyondBitnami().stream().flatMap(f -> ChartRenderer.versions(f).stream().map(v -> Arguments.of(f, v)));
    }

    /**
     * Helm CLI: the vendor's chart takes the family's chart as a dependency under the alias postgresql, which renames
     * the chart, so its container and its name label; the values' container is that one.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("charts")
    void theHelmValuesReachTheContainerTheAliasNames(ChartFamily family, String version, @TempDir Path dir)
            throws IOException {
        Generated g = Generated.with("chartFamily", family.param(), "chartVersion", version, "installPath", "helm",
                "username", "app_user");
        Path parent = dir.resolve("vendor-app");
        InstallPathChartRenderTest.copy(ChartRenderer.chartDir(family, version),
                parent.resolve("charts/" + family.chartName()));
        Files.writeString(parent.resolve("Chart.yaml"), ManifestYaml.dump(Maps.map("apiVersion", "v2", "name", "vendor-app",
                "version", "1.0.0", "dependencies",
                List.of(Maps.map("name", family.chartName(), "version", version, "alias", "postgresql")))));
        // What the customer supplies where the chart makes no password itself (backup-readme.md says so).
        Map<String, String> sets = new java.util.LinkedHashMap<>();
        ChartFacts facts = g.input().chart();
        if (facts.superuserPasswordPath() != null) {
            sets.put("postgresql." + String.join(".", facts.credential(facts.passwordKey())), "app-pw");
            sets.put("postgresql." + String.join(".", facts.superuserPasswordPath()), "root-pw");
            String readme = g.release().files().get("backup-readme.md");
            sets.keySet().forEach(k -> assertTrue(readme.contains(k), () -> "the README names " + k + ":\n" + readme));
        }
        ChartRenderer.Rendered rendered = ChartRenderer.renderDir(parent, "customer-release", "customer-ns",
                g.release().files().get("backup-values.yaml"), sets).requireOk();
        RenderedPod pod = RenderedPod.of(rendered);
        Map<String, Object> template = map(rendered.ofKind("StatefulSet").get(0), "spec", "template");

        assertEquals("postgresql", hooksReachPostgres(pod, g), "the alias names the container");
        assertEquals("app_user", pod.env("postgresql").get(facts.userIsSuperuser() ? "POSTGRES_USER" : "USERDB_USER"));
        onlyTheScratchIsCopied(pod, map(template, "metadata", "annotations"));
        Map<String, Object> schedule = ManifestView.load(g.release().files().get("velero-schedule.yaml"));
        assertTrue(LabelSelectors.takes(map(schedule, "spec", "template"), "customer-ns", map(template, "metadata", "labels")),
                () -> "Schedule selector vs pod labels " + map(template, "metadata", "labels"));
    }

    /**
     * A release for every install path: Embedded Cluster v2's Backup takes the pod (so its hooks run) in the admin
     * console's namespace, and the v3 runbook's kubectl selector names that pod's labels.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("charts")
    void everyInstallPathsFilesReachThePod(ChartFamily family, String version) {
        Generated g = Generated.with("chartFamily", family.param(), "chartVersion", version, "installPath",
                InstallPathChartRenderTest.EVERY_PATH, "apiVersion", "kots.io/v1beta2");
        KotsRenderer.Result kots = EMBEDDED.render(g.release().text(ReleaseFile.HELMCHART));
        RenderedPod pod = RenderedPod.of(ChartRenderer.renderDir(ChartRenderer.chartDir(family, version),
                kots.releaseName(), "kotsadm", ManifestYaml.dump(kots.values()), Map.of()));
        hooksReachPostgres(pod, g);
        Map<String, Object> backupSpec = map(ManifestView.load(
                KotsRenderer.renderString(g.release().text(ReleaseFile.BACKUP), EMBEDDED)), "spec");
        assertTrue(LabelSelectors.takes(backupSpec, "kotsadm", pod.labels()), () -> "pod labels " + pod.labels());

        String runbook = g.release().text(ReleaseFile.RESTORE_RUNBOOK);
        java.util.regex.Matcher selector = java.util.regex.Pattern.compile("-l '?([^' ]+)'?").matcher(runbook);
        assertTrue(selector.find(), runbook);
        for (String pair : selector.group(1).split(",")) {
            String[] kv = pair.split("=", 2);
            assertEquals(kv[1], pod.labels().get(kv[0]), () -> "runbook selector " + selector.group(1) + " vs " + pod.labels());
        }
    }

    /** The hooks' container runs PostgreSQL (the image's entrypoint, the password variable) and mounts the scratch. */
    private static String hooksReachPostgres(RenderedPod pod, Generated g) {
        Map<String, Object> annotations = pod.annotations();
        String container = (String) annotations.get("pre.hook.backup.velero.io/container");
        assertEquals(container, annotations.get("post.hook.restore.velero.io/container"));
        assertTrue(pod.containerNames().contains(container), () -> container + " not in " + pod.containerNames());
        assertTrue(pod.env(container).containsKey(g.input().chart().appPasswordVariable()),
                () -> container + " is not PostgreSQL's");
        String scratch = (String) annotations.get("backup.velero.io/backup-volumes");
        assertEquals(io.pgbackupwizard.generate.hooks.PodValues.volume(g.input()), scratch);
        assertTrue(pod.writableMounts(container).stream()
                .anyMatch(m -> m.volume().equals(scratch) && m.mountPath().equals(g.input().mountPath())),
                () -> "scratch not mounted in " + container + ": " + pod.writableMounts(container));
        Map<String, Object> emptyDir = map(pod.volume(scratch).orElseThrow(), "emptyDir");
        if (!g.input().chart().usesChartScratch())
            assertEquals(g.input().scratchSize(), emptyDir.get("sizeLimit"));
        return container;
    }

    /** Velero opt-in copies only backup; opt-out copies every copyable volume not excluded: again only backup. */
    private static void onlyTheScratchIsCopied(RenderedPod pod, Map<String, Object> annotations) {
        String scratch = (String) annotations.get("backup.velero.io/backup-volumes");
        List<String> excludes = List.of(((String) annotations.get("backup.velero.io/backup-volumes-excludes")).split(","));
        List<String> optOut = pod.volumeNames().stream().filter(pod::copyableVolume).filter(v -> !excludes.contains(v))
                .toList();
        assertEquals(List.of(scratch), optOut, () -> "opt-out copies " + optOut + " of " + pod.volumeNames());
    }
}
