package io.pgbackupwizard.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.generate.migrate.CopyScript;
import io.pgbackupwizard.generate.migrate.MigrationConfig;
import io.pgbackupwizard.generate.migrate.MigrationHelmChart;
import io.pgbackupwizard.model.WizardInput;
import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.KotsRenderer;
import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.MigrationJob;

/**
 * The migration release rendered as the installer renders it: the wizard's HelmCharts through KOTS's template
 * functions, then the migration chart (written out from the release's own files), the new chart and the old Bitnami
 * chart through real Helm. The copy Job must reach the old chart's Service and Secret key and the new chart's, run
 * the new chart's image as its user, carry the script unchanged, and follow the Config's replace switch and a local
 * registry. Stand-ins: {@link MigrationJob} (the hook line); no installer runs the hook or orders the charts by weight
 * here (the weights are checked in the HelmCharts).
 */
class MigrationChartRenderTest {

    static final String OLD_RELEASE = "postgresql";
    static final String NEW_RELEASE = "app-db";
    static final Map<String, String> LICENSE = Map.of("isSnapshotSupported", "true", "appSlug", "my-app");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (ChartFamily family : List.of(ChartFamily.GROUNDHOG2K, ChartFamily.CLOUDPIRATES)) {
            for (String target : family.knownVersions()) {
                for (String source : List.of("11.9.13", "16.7.27", "17.1.0"))
                    out.add(Arguments.of(family, target, source, "kots.io/v1beta2"));
            }
            out.add(Arguments.of(family, family.knownVersions().get(0), "17.1.0", "kots.io/v1beta1"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} from Bitnami {2}, {3}")
    @MethodSource("cases")
    void theJobReachesBothChartsInTheNewImage(ChartFamily family, String target, String source, String api) {
        Generated g = Generated.with("chartFamily", family.param(), "chartVersion", target, "name", NEW_RELEASE,
                "migrateFrom", source, "migrateFromRelease", OLD_RELEASE, "installPath",
                api.endsWith("v1beta2") ? "kots,embedded-v3" : "kots",
                "apiVersion", api);
        WizardInput in = g.input();
        Map<String, String> config = Map.of(in.typeOption(), in.embeddedValue(), in.passwordOption(), "app-pw",
                in.superuserPasswordOption(), "root-pw", MigrationConfig.REPLACE, "1");

        // the migration chart's HelmChart: valid, after the PostgreSQL charts, Helm waiting as long as asked
        Map<String, Object> helmChart = ManifestView.load(g.release().text(ReleaseFile.MIGRATION_HELMCHART));
        String schema = KotsSchemaTest.helmChartSchemaFile(helmChart);
        assertEquals(List.of(), KotsSchemaTest.violations(schema, helmChart));
        assertEquals(List.of(), KotsSchemaTest.undeclaredKeys(KotsSchemaTest.schemaTree(schema), helmChart, ""));
        Map<String, Object> configYaml = g.config(); // with the replace switch's group
        assertEquals(List.of(), KotsSchemaTest.violations(KotsSchemaTest.CONFIG_SCHEMA, configYaml));
        assertEquals(List.of(), KotsSchemaTest.undeclaredKeys(KotsSchemaTest.schemaTree(KotsSchemaTest.CONFIG_SCHEMA),
                configYaml, ""));
        assertTrue(g.release().text(ReleaseFile.CONFIG).contains("name: " + MigrationConfig.REPLACE));
        assertEquals(MigrationHelmChart.WEIGHT, ManifestView.valueAt(helmChart, "spec", "weight"));
        assertEquals(null, ManifestView.valueAt(g.helmChart(), "spec", "weight"),
                "the new chart keeps KOTS's default weight 0, below the migration's");
        assertEquals(List.of("--timeout", in.migrationTimeout()), ManifestView.list(helmChart, "spec", "helmUpgradeFlags"));

        KotsRenderer.Result kots = new KotsRenderer.Inputs(config, LICENSE, null).render(
                g.release().text(ReleaseFile.MIGRATION_HELMCHART));
        assertEquals(in.migrationRelease(), kots.releaseName());
        MigrationJob job = MigrationJob.render(g.release(), kots.releaseName(), kots.values());

        ChartRenderer.Rendered newChart = ChartRenderer.render(family, target, in.name(),
                new KotsRenderer.Inputs(config, LICENSE, null).render(g.release().text(ReleaseFile.HELMCHART)).values())
                .requireOk();
        ChartRenderer.Rendered oldChart = ChartRenderer.render(source, OLD_RELEASE, Map.of()).requireOk();

        Map<String, Object> container = job.container();
        Map<String, Object> env = job.env();
        Map<String, Object> newPod = podContainer(newChart);
        assertEquals(newPod.get("image"), container.get("image"), "the Job runs the new chart's own image");
        assertEquals(runAsUser(newChart), (long) (Integer) ManifestView.valueAt(job.podSpec(), "securityContext",
                "runAsUser"), "as the new image's postgres user");

        // the application moves through the gate, which reaches the new chart's pod
        job.assertGateReaches(newChart.ofKind("StatefulSet").get(0));
        String gate = ManifestView.string(job.gate(), "metadata", "name");
        Map<String, Object> app = new KotsRenderer.Inputs(config, LICENSE, null).render(
                "apiVersion: kots.io/v1beta2\nkind: HelmChart\nmetadata:\n  name: app\nspec:\n  chart:\n    name: app\n"
                        + "    chartVersion: 1.0.0\n" + g.release().text(ReleaseFile.APP_VALUES).lines()
                                .map(l -> "  " + l).collect(java.util.stream.Collectors.joining("\n")))
                .values();
        assertEquals(gate + ".app.svc", ManifestView.valueAt(app, "database", "host"), "the application's host");
        String template = g.release().text(ReleaseFile.MIGRATION_TEMPLATE);
        assertTrue(template.substring(template.indexOf("kind: Service")).contains("helm.sh/hook-weight: \"1\""),
                "the gate is made after the Job (hook weight 1 over the Job's 0)");
        assertService(oldChart, (String) env.get("SOURCE_HOST"), (String) env.get("SOURCE_PORT"));
        assertSecretKey(oldChart, env.get("SOURCE_PASSWORD"));
        assertService(newChart, (String) env.get("TARGET_HOST"), (String) env.get("TARGET_PORT"));
        assertSecretKey(newChart, env.get("TARGET_PASSWORD"));
        assertEquals(in.database(), env.get("SOURCE_DB"));
        assertEquals(in.database(), env.get("TARGET_DB"));
        assertEquals("postgres", env.get("SOURCE_USER"), "the old chart's superuser reads every table");
        assertEquals("true", env.get("REPLACE"), "the Config's switch reaches the Job");
        if (in.chart().userIsSuperuser()) {
            assertEquals(in.username(), env.get("TARGET_USER"));
            assertEquals("", env.get("TARGET_OWNER"));
        } else {
            assertEquals("postgres", env.get("TARGET_USER"), "the new chart's superuser creates the roles");
            assertEquals(in.username(), env.get("TARGET_OWNER"), "the chart's user owns the copy");
        }

        assertEquals(CopyScript.script(), job.script() + "\n",
                "the script reaches the Job unchanged through .Files.Get");
        assertTrue(((String) g.release().text(ReleaseFile.MIGRATION_TEMPLATE))
                .contains("helm.sh/hook: {{ .Values.hook | quote }}"));
        assertEquals("post-install,post-upgrade",
                ManifestView.load(g.release().text(ReleaseFile.MIGRATION_CHART_VALUES)).get("hook"));

        // the air-gap bundle's builder values render the same Job, never replacing
        Map<String, Object> builder = ManifestView.map(helmChart, "spec", "builder");
        Map<String, Object> built = MigrationJob.render(g.release(), kots.releaseName(), builder).env();
        assertEquals("false", built.get("REPLACE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void aLocalRegistryMovesTheJobsImageWithTheNewChartsOwn(ChartFamily family) {
        Generated g = Generated.with("chartFamily", family.param(), "name", NEW_RELEASE, "migrateFrom", "17.1.0",
                "installPath", "kots");
        WizardInput in = g.input();
        Map<String, String> config = Map.of(in.typeOption(), in.embeddedValue(), in.passwordOption(), "app-pw",
                in.superuserPasswordOption(), "root-pw", MigrationConfig.REPLACE, "0");
        KotsRenderer.LocalRegistry registry = new KotsRenderer.LocalRegistry("registry.local:5000", "vendor", "kotsadm-pull");
        KotsRenderer.Inputs kots = new KotsRenderer.Inputs(config, LICENSE, registry);
        KotsRenderer.Result migration = kots.render(g.release().text(ReleaseFile.MIGRATION_HELMCHART));
        MigrationJob job = MigrationJob.render(g.release(), migration.releaseName(), migration.values());
        ChartRenderer.Rendered newChart = ChartRenderer.render(family, in.chartVersion().text(), in.name(),
                kots.render(g.release().text(ReleaseFile.HELMCHART)).values()).requireOk();
        Map<String, Object> container = job.container();
        assertTrue(((String) container.get("image")).startsWith("registry.local:5000/vendor/postgres:"),
                () -> container.get("image").toString());
        assertEquals(podContainer(newChart).get("image"), container.get("image"));
        assertEquals(List.of(Map.of("name", "kotsadm-pull")), ManifestView.list(job.podSpec(), "imagePullSecrets"));
        assertEquals("false", job.env().get("REPLACE"));
    }

    static Stream<ChartFamily> families() {
        return Stream.of(ChartFamily.values()).filter(ChartFamily::migrationTarget);
    }

    /** The PostgreSQL container of a chart's StatefulSet (the first one). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> podContainer(ChartRenderer.Rendered chart) {
        Map<String, Object> sts = chart.ofKind("StatefulSet").get(0);
        return (Map<String, Object>) ManifestView.list(sts, "spec", "template", "spec", "containers").get(0);
    }

    static long runAsUser(ChartRenderer.Rendered chart) {
        Map<String, Object> sts = chart.ofKind("StatefulSet").get(0);
        Object pod = ManifestView.valueAt(sts, "spec", "template", "spec", "securityContext", "runAsUser");
        Object own = ManifestView.valueAt(podContainer(chart), "securityContext", "runAsUser");
        Object uid = own != null ? own : pod;
        assertNotNull(uid, "the chart names its user");
        return ((Number) uid).longValue();
    }

    static void assertService(ChartRenderer.Rendered chart, String host, String port) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> svc : chart.ofKind("Service")) {
            String name = ManifestView.string(svc, "metadata", "name");
            found.add(name);
            if (name.equals(host)) {
                assertFalse("None".equals(ManifestView.valueAt(svc, "spec", "clusterIP")), host + " is not headless");
                assertTrue(ManifestView.list(svc, "spec", "ports").stream()
                        .anyMatch(p -> String.valueOf(((Map<?, ?>) p).get("port")).equals(port)), host + " listens on " + port);
                return;
            }
        }
        throw new AssertionError("no Service " + host + " in chart " + chart.version() + ": " + found);
    }

    @SuppressWarnings("unchecked")
    static void assertSecretKey(ChartRenderer.Rendered chart, Object ref) {
        Map<String, Object> r = (Map<String, Object>) ref;
        for (Map<String, Object> secret : chart.ofKind("Secret")) {
            if (ManifestView.string(secret, "metadata", "name").equals(r.get("name"))) {
                Map<String, Object> data = ManifestView.map(secret, "data");
                assertTrue(data.containsKey(r.get("key")), "Secret " + r.get("name") + " has " + r.get("key") + ": "
                        + data.keySet());
                return;
            }
        }
        throw new AssertionError("no Secret " + r.get("name") + " in chart " + chart.version());
    }
}
