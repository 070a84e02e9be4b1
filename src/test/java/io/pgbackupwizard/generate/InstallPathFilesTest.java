package io.pgbackupwizard.generate;

import static io.pgbackupwizard.testsupport.ManifestView.list;
import static io.pgbackupwizard.testsupport.ManifestView.map;
import static io.pgbackupwizard.testsupport.ManifestView.string;
import static io.pgbackupwizard.testsupport.ManifestView.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.generate.kots.BackupStorageConfig;
import io.pgbackupwizard.generate.text.RestoreRunbook;
import io.pgbackupwizard.generate.velero.BackupManifest;
import io.pgbackupwizard.generate.velero.DisasterRecoveryManifests;
import io.pgbackupwizard.generate.yaml.ManifestYaml;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInputParser;
import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.Matrix;

/** The files each install path gets, and what each Velero resource in them says. */
class InstallPathFilesTest {

    static Generated path(String path, String... more) {
        List<String> params = new ArrayList<>(List.of("installPath", path));
        if (path.equals("embedded-v3"))
            params.addAll(List.of("apiVersion", "kots.io/v1beta2"));
        params.addAll(List.of(more));
        return Generated.with(params.toArray(String[]::new));
    }

    static Stream<Generated> everyPathAndGeneration() {
        return Matrix.installPaths().stream()
                .flatMap(p -> Matrix.chartVersionPerFactsRow().stream().map(v -> path(p.value(), "chartVersion", v)));
    }

    @Test
    void eachPathHasItsFiles() {
        // Every HelmChart path also gets the application's database values and README.txt; Helm CLI README.txt.
        assertEquals(
                List.of("postgresql-helmchart.yaml", "config.yaml", "backup.yaml", "app-database-values.yaml", "README.txt"),
                names(path("kots")));
        assertEquals(List.of("postgresql-helmchart.yaml", "config.yaml", "backup.yaml", "kurl-installer.yaml",
                "app-database-values.yaml", "README.txt"), names(path("kurl")));
        assertEquals(List.of("postgresql-helmchart.yaml", "config.yaml", "backup.yaml", "restore.yaml",
                "app-database-values.yaml", "README.txt"), names(path("embedded-v2")));
        assertEquals(List.of("postgresql-helmchart.yaml", "config.yaml", "embedded-cluster-config.yaml", "restore-runbook.md",
                "app-database-values.yaml", "README.txt"), names(path("embedded-v3")));
        assertEquals(List.of("backup-values.yaml", "backup-readme.md", "velero-schedule.yaml", "README.txt"),
                names(path("helm")));
    }

    /**
     * A release for several install paths: exactly the union of each path's files, each once, in the catalogue's order;
     * the one Backup is Embedded Cluster v2's (which KOTS snapshots accept too); every path-specific file is the same
     * as that path's own release; README.txt walks each path, with the steps they share once.
     */
    @Test
    void severalPathsGetTheUnionOfTheirFilesAndOneBackup() {
        Generated all = path("kots,kurl,embedded-v2,embedded-v3,helm");
        Set<String> union = new java.util.LinkedHashSet<>();
        for (InstallPath p : Matrix.installPaths())
            union.addAll(names(path(p.value())));
        assertEquals(union, Set.copyOf(names(all)));
        assertEquals(union.size(), names(all).size(), "each file once");
        assertEquals(names(all), ReleaseFile.releaseFiles(all.input()).stream()
                .map(f -> f.fileName(all.input())).toList(), "in the catalogue's order");
        assertEquals(path("embedded-v2").release().files().get("backup.yaml"), all.release().files().get("backup.yaml"));
        // So every file is one some single-path release has, and that path's render and schema checks cover it.
        assertEquals(path("kots").release().text(ReleaseFile.HELMCHART), all.release().text(ReleaseFile.HELMCHART));
        assertEquals(path("embedded-v3").release().text(ReleaseFile.CONFIG), all.release().text(ReleaseFile.CONFIG));
        assertEquals(path("kots").release().text(ReleaseFile.APP_VALUES), all.release().text(ReleaseFile.APP_VALUES));
        for (String file : List.of("restore.yaml", "kurl-installer.yaml", "embedded-cluster-config.yaml", "restore-runbook.md",
                "backup-values.yaml", "backup-readme.md", "velero-schedule.yaml")) {
            String own = Matrix.installPaths().stream().map(p -> path(p.value()).release().files().get(file))
                    .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
            assertEquals(own, all.release().files().get(file), file + " as its own path's release has it");
        }
        String readme = all.release().files().get("README.txt");
        for (InstallPath p : Matrix.installPaths())
            assertEquals(1, count(readme, ". For " + p.label() + "\n"), p + ": " + readme);
        assertEquals(1, count(readme, ". Add the chart archive to the release\n"), readme);
        assertEquals(0, count(readme, "Embedded Cluster installs are not covered"), "they are, by this release: " + readme);
        assertEquals("postgresql-kots+kurl+embedded-v2+embedded-v3+helm-release.zip",
                all.release().fileName(ReleaseFile.BUNDLE));
    }

    @Test
    void severalPathsAreOneCanonicalValueAndEachConflictIsExplained() {
        Generated g = path("helm, kots", "apiVersion", "kots.io/v1beta2");
        assertEquals(List.of(InstallPath.KOTS, InstallPath.HELM), List.copyOf(g.input().installPaths()));
        assertEquals("kots,helm", InstallPath.text(g.input().installPaths()));
        assertTrue(InstallNotesTest.warns(g, "Two charts get the hooks"));
        Generated dr = path("kots,embedded-v2,embedded-v3");
        assertTrue(InstallNotesTest.warns(dr, "One Backup serves KOTS snapshots and Embedded Cluster v2 disaster recovery"));
        assertTrue(InstallNotesTest.warns(dr, "Embedded Cluster v3 ignores the release's Backup and Restore"));
        assertFalse(InstallNotesTest.warns(path("kots"), "One Backup serves"), "one path: nothing to reconcile");
        assertFalse(InstallNotesTest.warns(path("helm"), "Two charts"));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** The default release is the HelmChart the wizard is named for, with the Helm CLI files beside it. */
    @Test
    void theDefaultReleaseServesKotsAndHelmCli() {
        assertEquals(Set.of(InstallPath.KOTS, InstallPath.HELM), Generated.defaults().input().installPaths());
        assertEquals(List.of("postgresql-helmchart.yaml", "config.yaml", "backup.yaml", "backup-values.yaml",
                "backup-readme.md", "velero-schedule.yaml", "app-database-values.yaml", "README.txt"),
                names(Generated.defaults()));
    }

    @Test
    void embeddedClusterV3RefusesAV1beta1HelmChart() {
        var parsed = new WizardInputParser().parse(Map.of("installPath", List.of("embedded-v3"),
                "apiVersion", List.of("kots.io/v1beta1")));
        assertFalse(parsed.ok());
        assertEquals("apiVersion", parsed.errors().get(0).field());
        assertTrue(parsed.errors().get(0).message().contains("kots.io/v1beta2"), parsed.errors().get(0).message());
        var unknown = new WizardInputParser().parse(Map.of("installPath", List.of("ec")));
        assertEquals("installPath", unknown.errors().get(0).field());
    }

    /** Every Backup, Restore and Schedule of every path, and the runbook's Restore, is valid for Velero's CRDs. */
    @ParameterizedTest
    @MethodSource("everyPathAndGeneration")
    void everyVeleroResourceIsValidForVelerosOwnSchema(Generated g) {
        List<Map<String, Object>> velero = veleroResources(g);
        InstallPath path = g.input().installPaths().iterator().next(); // one path per release here
        if (path == InstallPath.EMBEDDED_V3)
            velero.add(ManifestView.load(ManifestYaml.dump(RestoreRunbook.restore())));
        int expected = switch (path) {
            case KOTS, KURL, HELM, EMBEDDED_V3 -> 1;
            case EMBEDDED_V2 -> 2;
        };
        assertEquals(expected, velero.size(), "Velero resources of " + path);
        for (Map<String, Object> m : velero)
            assertEquals(List.of(), CrdSchemas.problems(m), () -> m.toString());
    }

    @Test
    void theSchemaCheckCatchesABrokenResource() {
        Map<String, Object> restore = ManifestView.load(ManifestYaml.dump(DisasterRecoveryManifests.restore()));
        map(restore, "spec").put("includedNamespaces", "*");
        map(restore, "spec").put("backupname", "backup");
        List<String> problems = CrdSchemas.problems(restore);
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("includedNamespaces") && problems.get(1).contains("backupname"),
                problems::toString);
    }

    @Test
    void kotsBackupNamesBothNamespacesOnlyWhenTheChartHasItsOwn() {
        assertEquals(Map.of(), map(path("kots").backup(), "spec"));
        Map<String, Object> spec = map(ManifestView.load(ManifestYaml.dump(BackupManifest.kots(Optional.of("db")))), "spec");
        assertEquals(Map.of("includedNamespaces", List.of("repl{{ Namespace }}", "db")), spec);
    }

    @Test
    void embeddedV2PairsTheBackupWithARestoreThatNamesIt() {
        Generated g = path("embedded-v2");
        Map<String, Object> backup = g.backup();
        Map<String, Object> restore = ManifestView.load(g.release().files().get("restore.yaml"));
        assertEquals(string(backup, "metadata", "name"), string(restore, "spec", "backupName"));
        assertEquals(List.of("*"), list(restore, "spec", "includedNamespaces"));
        assertEquals(List.of("repl{{ Namespace }}"), list(backup, "spec", "includedNamespaces"));
        assertNull(valueAt(backup, "spec", "orLabelSelectors"),
                "a KOTS partial backup adds a labelSelector; Velero refuses both");
        assertEquals(List.of(Map.of("key", "kots.io/kotsadm", "operator", "NotIn", "values", List.of("true"))),
                list(backup, "spec", "labelSelector", "matchExpressions"));
    }

    @Test
    void embeddedV3ConfigDefinesEveryOptionTheExtensionReads() {
        Generated g = path("embedded-v3");
        Map<String, Object> ec = ManifestView.load(g.release().files().get("embedded-cluster-config.yaml"));
        Map<String, Object> entry = map(ec, "spec", "extensions", "helmCharts", "0");
        assertEquals(Map.of("name", "velero", "chartVersion", "12.1.0"), map(entry, "chart"));
        String values = string(entry, "values");
        Set<String> referenced = new HashSet<>();
        Matcher m = Pattern.compile("ConfigOption(?:NotEquals)? \"([^\"]+)\"").matcher(values);
        while (m.find())
            referenced.add(m.group(1));
        Set<String> defined = new HashSet<>();
        for (Object group : list(g.config(), "spec", "groups")) {
            for (Object item : (List<?>) ((Map<?, ?>) group).get("items"))
                defined.add((String) ((Map<?, ?>) item).get("name"));
        }
        assertEquals(Set.copyOf(BackupStorageConfig.ITEMS), referenced);
        assertTrue(defined.containsAll(referenced), () -> "undefined: " + referenced + " vs " + defined);
        assertEquals(List.of(), KotsSchemaTest.violations(KotsSchemaTest.CONFIG_SCHEMA, g.config()));
        assertEquals(List.of(), KotsSchemaTest.violations("helmchart-kots-v1beta2.schema.json", g.helmChart()));
        String runbook = g.release().files().get("restore-runbook.md");
        assertTrue(runbook.contains("kubectl -n \"$NS\" delete statefulset,pvc -l"), runbook);
    }

    @Test
    void helmValuesSitUnderTheDependencyWithBothVolumeAnnotationsAndNoTemplate() {
        Generated g = path("helm", "chartVersion", "17.1.0", "username", "app");
        Map<String, Object> values = ManifestView.load(g.release().files().get("backup-values.yaml"));
        assertEquals(Set.of("postgresql"), values.keySet());
        Map<String, Object> annotations = map(values, "postgresql", "primary", "podAnnotations");
        assertEquals("backup", annotations.get("backup.velero.io/backup-volumes"));
        assertEquals("data,empty-dir,dshm", annotations.get("backup.velero.io/backup-volumes-excludes"));
        assertEquals("app", valueAt(values, "postgresql", "auth", "username"));
        assertFalse(g.release().files().get("backup-values.yaml").contains("repl{{"), "no KOTS on a Helm CLI install");
        assertEquals("app", valueAt(ManifestView.load(path("helm", "chartVersion", "8.7.4", "username", "app")
                .release().files().get("backup-values.yaml")), "postgresql", "postgresqlUsername"));
    }

    @Test
    void theZipHoldsThePathsFiles() throws Exception {
        for (String p : Matrix.installPaths().stream().map(InstallPath::value).toList()) {
            Generated g = path(p);
            Map<String, String> entries = new LinkedHashMap<>();
            try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(ReleaseZip.bytes(g.release())))) {
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    entries.put(e.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            assertEquals(g.release().files(), entries, p);
        }
    }

    static List<String> names(Generated g) {
        return List.copyOf(g.release().files().keySet());
    }

    static List<Map<String, Object>> veleroResources(Generated g) {
        List<Map<String, Object>> out = new ArrayList<>();
        g.release().files().forEach((name, text) -> {
            if (!name.endsWith(".yaml"))
                return;
            Map<String, Object> doc = ManifestView.load(text);
            if ("velero.io/v1".equals(doc.get("apiVersion")))
                out.add(doc);
        });
        return out;
    }
}
