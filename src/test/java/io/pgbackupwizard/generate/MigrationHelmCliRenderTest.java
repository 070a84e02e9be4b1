package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.generate.migrate.MigrationValues;
import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.MigrationJob;

/**
 * The Helm CLI move, rendered as the customer's helm upgrade renders the second version of the vendor's chart: one
 * parent chart with the Bitnami chart (dependency postgresql), the new chart (dependency postgres, its values from
 * backup-values.yaml) and the migration chart (from the release's own files, its values from
 * migration-helm-values.yaml), all by real Helm under a release name the wizard never saw. The Job must reach both
 * dependencies' Services and Secret keys by that name, in the new chart's own image, as a pre-upgrade hook; the new
 * chart's hooks exec in the container its dependency name gives it; and the guide's names are these. Stand-ins: the
 * hook line is taken out to render ({@link MigrationJob}); no helm upgrade runs here.
 */
class MigrationHelmCliRenderTest {

    static final String RELEASE = "shop";

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (ChartFamily family : List.of(ChartFamily.GROUNDHOG2K, ChartFamily.CLOUDPIRATES))
            for (String target : family.knownVersions())
                out.add(Arguments.of(family, target, family == ChartFamily.GROUNDHOG2K ? "17.1.0" : "16.7.27"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} from Bitnami {2}")
    @MethodSource("cases")
    void theSecondVersionOfTheVendorsChartCopiesBetweenItsDependencies(ChartFamily family, String target, String source)
            throws IOException {
        Generated g = Generated.with("chartFamily", family.param(), "chartVersion", target, "migrateFrom", source,
                "installPath", "helm", "username", "shop", "database", "shop");
        Map<String, String> files = g.release().files();
        Map<String, Object> values = new LinkedHashMap<>();
        values.putAll(ManifestView.load(files.get("backup-values.yaml")));
        values.putAll(ManifestView.load(files.get("migration-helm-values.yaml")));
        String dependency = "postgres";
        assertEquals(List.of(dependency, MigrationValues.DEPENDENCY), List.copyOf(values.keySet()),
                "the new chart's values under its own name, beside the migration chart's");
        values.put("postgresql", Map.of("auth", Map.of("username", "shop", "database", "shop")));
        if (g.input().chart().superuserPasswordPath() != null) // the README has the customer set it
            putPath(values, dependency, g.input().chart().superuserPasswordPath(), "root-pw");
        putPath(values, dependency, g.input().chart().credential(g.input().chart().passwordKey()), "app-pw");

        Path parent = parentChart(g, family, target, source);
        ChartRenderer.Rendered all;
        try {
            all = ChartRenderer.renderDir(parent, RELEASE, "app", new org.yaml.snakeyaml.Yaml().dump(values), Map.of())
                    .requireOk();
        } finally {
            MigrationJob.delete(parent.getParent());
        }
        MigrationJob job = new MigrationJob(all);
        Map<String, Object> env = job.env();

        MigrationChartRenderTest.assertService(all, (String) env.get("SOURCE_HOST"), (String) env.get("SOURCE_PORT"));
        MigrationChartRenderTest.assertSecretKey(all, env.get("SOURCE_PASSWORD"));
        MigrationChartRenderTest.assertService(all, (String) env.get("TARGET_HOST"), (String) env.get("TARGET_PORT"));
        MigrationChartRenderTest.assertSecretKey(all, env.get("TARGET_PASSWORD"));
        assertEquals(RELEASE + "-postgresql", env.get("SOURCE_HOST"));
        assertEquals(family.fullname(RELEASE), env.get("TARGET_HOST"));

        Map<String, Object> targetSts = all.ofKind("StatefulSet").stream()
                .filter(s -> ManifestView.string(s, "metadata", "name").equals(family.fullname(RELEASE))).findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> targetContainer = (Map<String, Object>) ManifestView.list(targetSts, "spec", "template",
                "spec", "containers").get(0);
        assertEquals(targetContainer.get("image"), job.container().get("image"), "the Job runs the new chart's image");
        job.assertGateReaches(targetSts);
        assertEquals(targetContainer.get("name"), ManifestView.valueAt(targetSts, "spec", "template", "metadata",
                "annotations", "pre.hook.backup.velero.io/container"), "the new chart's hooks exec in its container");
        assertEquals(MigrationValues.HELM_HOOK, ManifestView.valueAt(values, MigrationValues.DEPENDENCY, "hook"));

        String jobName = ManifestView.string(all.ofKind("Job").get(0), "metadata", "name");
        String guide = files.get("migration.md").replaceAll("\\s+", " ");
        assertEquals(RELEASE + "-migration-copy", jobName);
        assertTrue(guide.contains("delete job <release>-migration-copy"), guide);
        assertTrue(guide.contains("the Service `<release>-" + dependency + "`") || !family.fullname("<release>")
                .equals("<release>-" + dependency), guide);
        assertTrue(guide.contains("dependency `" + dependency + "`"), guide);
        assertTrue(!files.containsKey("app-db-migration-helmchart.yaml") && files.keySet().stream()
                .noneMatch(f -> f.endsWith("helmchart.yaml")), "no HelmChart on the Helm CLI: " + files.keySet());
    }

    /** The vendor's chart: its dependencies in charts/, the migration chart written from the release's files. */
    static Path parentChart(Generated g, ChartFamily family, String target, String source) throws IOException {
        Path dir = Files.createTempDirectory("pgwiz-parent-").resolve("shop");
        Files.createDirectories(dir.resolve("charts"));
        Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: shop\nversion: 1.0.0\n");
        InstallPathChartRenderTest.copy(ChartRenderer.chartDir(source), dir.resolve("charts/postgresql"));
        InstallPathChartRenderTest.copy(ChartRenderer.chartDir(family, target), dir.resolve("charts/postgres"));
        MigrationJob.writeChart(g.release(), dir.resolve("charts"));
        return dir;
    }

    @SuppressWarnings("unchecked")
    static void putPath(Map<String, Object> values, String top, List<String> path, Object value) {
        Map<String, Object> at = (Map<String, Object>) values.computeIfAbsent(top, k -> new LinkedHashMap<>());
        at = new LinkedHashMap<>(at);
        values.put(top, at);
        for (int i = 0; i < path.size() - 1; i++) {
            Map<String, Object> next = new LinkedHashMap<>((Map<String, Object>) at.getOrDefault(path.get(i), Map.of()));
            at.put(path.get(i), next);
            at = next;
        }
        at.put(path.get(path.size() - 1), value);
    }
}
