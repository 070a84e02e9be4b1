package io.pgbackupwizard.generate;

import static io.pgbackupwizard.testsupport.ManifestView.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.generate.cnpg.CnpgConfig;
import io.pgbackupwizard.generate.cnpg.CnpgNames;
import io.pgbackupwizard.generate.yaml.ManifestYaml;
import io.pgbackupwizard.generate.yaml.Maps;
import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.KotsRenderer;
import io.pgbackupwizard.testsupport.ManifestView;

/**
 * CloudNativePG: the HelmChart (and the Helm CLI values) rendered into the real cluster chart 0.8.1 with real Helm, the
 * KOTS templates filled as KOTS would from a config screen, and every CloudNativePG and Barman Cloud object the chart
 * makes checked against its CRD's schema (operator 1.30.0, plugin 0.14.0). What this does not prove: no operator or
 * plugin runs here (no Kubernetes), so that the operator archives, backs up and recovers from these objects, copies
 * the inherited label onto its pods and PVCs, and names its Services and Secrets -rw and -app is taken from its
 * source and docs (docs/facts/cloudnativepg.md), not observed.
 */
@Tag("slow")
class CloudNativePgRenderTest {

    static final ChartFamily CNPG = ChartFamily.CLOUDNATIVEPG;

    enum Source {
        CHARTS_OWN,
        MIRROR,
        LOCAL_REGISTRY
    }

    /** The config screen at install: AWS S3, or MinIO by URL; recovery on or off. */
    static Map<String, String> config(boolean minio, boolean recover) {
        Map<String, String> c = new HashMap<>(Map.of("postgres_type", "embedded_postgres",
                CnpgConfig.BUCKET, "acme-backups", CnpgConfig.PATH, "/prod", CnpgConfig.REGION, "eu-west-1",
                CnpgConfig.ENDPOINT, minio ? "https://minio.example.com:9000" : "",
                CnpgConfig.ACCESS_KEY_ID, "AKIAEXAMPLE", CnpgConfig.SECRET_ACCESS_KEY, "s3cret/key+",
                CnpgConfig.SCHEDULE, "0 30 2 * * *", CnpgConfig.RETENTION, "14d"));
        c.put(CnpgConfig.SERVER_NAME, recover ? "orders-db-2" : "postgresql-cluster");
        c.put(CnpgConfig.RECOVER, recover ? "1" : "0");
        c.put(CnpgConfig.RECOVER_FROM, "postgresql-cluster");
        return c;
    }

    static Stream<Arguments> kotsMatrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String v : ChartRenderer.versions(CNPG))
            for (String api : List.of("kots.io/v1beta1", "kots.io/v1beta2"))
                for (Source source : Source.values())
                    for (boolean minio : List.of(false, true))
                        for (boolean recover : List.of(false, true))
                            cases.add(Arguments.of(v, api, source, minio, recover));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} minio={3} recover={4}")
    @MethodSource("kotsMatrix")
    void theHelmChartMakesAClusterThatArchivesToTheConfiguredStore(String version, String api, Source source,
            boolean minio, boolean recover) {
        List<String> params = new ArrayList<>(List.of("chartFamily", CNPG.param(), "chartVersion", version, "apiVersion",
                api, "installPath", "kots", "username", "app_user", "database", "orders"));
        if (source == Source.MIRROR)
            params.addAll(List.of("imageRegistry", "mirror.example.com", "imageRepository", "acme/cnpg/postgresql",
                    "imageTag", "17.6-system-trixie"));
        Generated g = Generated.with(params.toArray(String[]::new));
        Map<String, String> config = config(minio, recover);
        KotsRenderer.Result kots = new KotsRenderer.Inputs(config, ChartInstallMatrixTest.LICENSE,
                source == Source.LOCAL_REGISTRY ? ChartInstallMatrixTest.LOCAL : null)
                .render(g.release().text(ReleaseFile.HELMCHART));
        assertFalse(kots.excluded());
        ChartRenderer.Rendered rendered = ChartRenderer.render(CNPG, version, kots.releaseName(), kots.values())
                .requireOk();
        String name = CnpgNames.cluster(g.input());
        assertEquals("postgresql-cluster", name, "the chart's fullname for the default HelmChart name");

        // Every CloudNativePG and plugin object is one its CRD accepts, and Velero is told to leave it out.
        List<Map<String, Object>> cnpgObjects = new ArrayList<>();
        for (String kind : List.of("Cluster", "ObjectStore", "ScheduledBackup"))
            cnpgObjects.addAll(rendered.ofKind(kind));
        for (Map<String, Object> o : cnpgObjects) {
            assertEquals(List.of(), CrdSchemas.problems(o), () -> o.get("kind") + " " + map(o, "metadata").get("name"));
            assertEquals("true", map(o, "metadata", "labels").get(CnpgNames.EXCLUDE_LABEL), () -> o.toString());
        }
        assertTrue(rendered.ofKind("StatefulSet").isEmpty() && rendered.ofKind("Deployment").isEmpty(),
                "the operator makes the pods");

        Map<String, Object> cluster = rendered.ofKind("Cluster").get(0);
        assertEquals(name, map(cluster, "metadata").get("name"));
        Map<String, Object> spec = map(cluster, "spec");
        boolean local = source == Source.LOCAL_REGISTRY;
        String image = local ? "registry.local:5000/myapp/postgresql:16"
                : source == Source.MIRROR ? "mirror.example.com/acme/cnpg/postgresql:17.6-system-trixie"
                        : "ghcr.io/cloudnative-pg/postgresql:16";
        assertEquals(image, spec.get("imageName"), "both API versions: KOTS rewrites no image inside a Cluster");
        assertEquals(local ? List.of(Map.of("name", "myapp-registry")) : null, spec.get("imagePullSecrets"));

        // The plugin archives WAL to the chart's ObjectStore, under the server name of the config screen.
        Map<String, Object> plugin = onlyPlugin(spec);
        assertEquals(true, plugin.get("isWALArchiver"));
        assertEquals(true, plugin.get("enabled"));
        assertEquals(name + "-backups", map(plugin, "parameters").get("barmanObjectName"));
        assertEquals(config.get(CnpgConfig.SERVER_NAME), map(plugin, "parameters").get("serverName"));
        Map<String, Object> store = byName(rendered.ofKind("ObjectStore"), name + "-backups");
        assertStore(rendered, map(store, "spec", "configuration"), minio);
        assertEquals("14d", map(store, "spec").get("retentionPolicy"));
        Object encryption = ManifestView.valueAt(store, "spec", "configuration", "wal", "encryption");
        assertEquals(minio ? null : "AES256", encryption, "no server-side encryption asked of an S3-compatible store");
        assertEquals(encryption, ManifestView.valueAt(store, "spec", "configuration", "data", "encryption"));

        Map<String, Object> scheduled = rendered.ofKind("ScheduledBackup").get(0);
        assertEquals("0 30 2 * * *", map(scheduled, "spec").get("schedule"));
        assertEquals("plugin", map(scheduled, "spec").get("method"));
        assertEquals(CnpgNames.PLUGIN, map(scheduled, "spec", "pluginConfiguration").get("name"));
        assertEquals(name, map(scheduled, "spec", "cluster").get("name"));

        Map<String, Object> bootstrap = map(spec, "bootstrap");
        if (!recover) {
            assertEquals(Map.of("database", "orders", "owner", "app_user"), bootstrap.get("initdb"));
            assertNull(spec.get("externalClusters"));
        } else {
            // A new Cluster made from the lost one's archive, read through its own ObjectStore.
            assertNull(bootstrap.get("initdb"));
            Map<String, Object> recovery = map(bootstrap, "recovery");
            assertEquals("orders", recovery.get("database"));
            assertEquals("app_user", recovery.get("owner"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> external = (List<Map<String, Object>>) spec.get("externalClusters");
            Map<String, Object> source1 = external.stream().filter(e -> recovery.get("source").equals(e.get("name")))
                    .findFirst().orElseThrow();
            Map<String, Object> params1 = map(source1, "plugin", "parameters");
            assertEquals(CnpgNames.PLUGIN, map(source1, "plugin").get("name"));
            assertEquals("postgresql-cluster", params1.get("serverName"), "the lost database's server name");
            Map<String, Object> from = byName(rendered.ofKind("ObjectStore"), (String) params1.get("barmanObjectName"));
            assertStore(rendered, map(from, "spec", "configuration"), minio);
            assertFalse(params1.get("serverName").equals(map(plugin, "parameters").get("serverName")),
                    "the recovered database archives under another name");
        }
        assertEquals(java.util.Set.of(), ChartRenderer.schemaProblems(ChartRenderer.chartDir(CNPG, version),
                kots.values()), "values.schema.json of the cluster chart");
    }

    /** The object store: the config's bucket and folder, endpoint, and keys in a Secret the chart makes. */
    private static void assertStore(ChartRenderer.Rendered rendered, Map<String, Object> conf, boolean minio) {
        assertEquals("s3://acme-backups/prod", conf.get("destinationPath"));
        assertEquals(minio ? "https://minio.example.com:9000" : "https://s3.eu-west-1.amazonaws.com", conf.get("endpointURL"));
        Map<String, Object> id = map(conf, "s3Credentials", "accessKeyId");
        Map<String, Object> secret = map(conf, "s3Credentials", "secretAccessKey");
        Map<String, Object> data = map(byName(rendered.ofKind("Secret"), (String) id.get("name")), "data");
        assertEquals("AKIAEXAMPLE", decode(data.get(id.get("key"))));
        assertEquals(id.get("name"), secret.get("name"));
        assertEquals("s3cret/key+", decode(data.get(secret.get("key"))));
    }

    @Test
    void theAppConnectsToTheOperatorsServiceWithItsSecret() {
        Generated g = Generated.with("chartFamily", CNPG.param(), "installPath", "kots", "name", "orders-db");
        // The operator names them after the Cluster (pkg/specs/services.go, secrets.go); the chart names the Cluster.
        Map<String, Object> app = ManifestView.load(g.release().text(ReleaseFile.APP_VALUES));
        @SuppressWarnings("unchecked")
        Map<String, Object> embedded = map(((List<Map<String, Object>>) app.get("optionalValues")).get(0), "values",
                "database");
        assertEquals("orders-db-cluster-rw.repl{{ Namespace }}.svc", embedded.get("host"));
        assertEquals(Map.of("name", "orders-db-cluster-app", "key", "password"), embedded.get("passwordSecret"));
        assertNull(embedded.get("password"), "no password of the Config: the operator generates it");
        KotsRenderer.Result kots = new KotsRenderer.Inputs(config(false, false), ChartInstallMatrixTest.LICENSE, null)
                .render(g.release().text(ReleaseFile.HELMCHART));
        Map<String, Object> cluster = ChartRenderer.render(CNPG, "0.8.1", kots.releaseName(), kots.values()).requireOk()
                .ofKind("Cluster").get(0);
        assertEquals("orders-db-cluster", map(cluster, "metadata").get("name"));
    }

    /**
     * Every install path: the same HelmChart (it does not depend on the path), rendered with the admin console's
     * namespace of Embedded Cluster; Embedded Cluster v3's Config asks for Velero's storage and the database's object
     * store side by side, each item once.
     */
    @Test
    void everyInstallPathInstallsTheSameBackedUpCluster() {
        Generated all = Generated.with("chartFamily", CNPG.param(), "installPath", "kots,kurl,embedded-v2,embedded-v3,helm");
        for (String path : List.of("kots", "kurl", "embedded-v2", "embedded-v3")) {
            Generated one = Generated.with("chartFamily", CNPG.param(), "installPath", path);
            assertEquals(all.release().text(ReleaseFile.HELMCHART), one.release().text(ReleaseFile.HELMCHART), path);
        }
        KotsRenderer.Result kots = new KotsRenderer.Inputs(config(false, false), ChartInstallMatrixTest.LICENSE, null,
                "kotsadm").render(all.release().text(ReleaseFile.HELMCHART));
        ChartRenderer.Rendered r = ChartRenderer.render(CNPG, "0.8.1", kots.releaseName(), kots.values()).requireOk();
        assertEquals(1, r.ofKind("ScheduledBackup").size());
        List<String> items = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (Object group : (List<?>) map(all.config(), "spec").get("groups")) {
            groups.add((String) ((Map<?, ?>) group).get("name"));
            for (Object item : (List<?>) ((Map<?, ?>) group).get("items"))
                items.add((String) ((Map<?, ?>) item).get("name"));
        }
        assertEquals(List.of("database", CnpgConfig.GROUP, "backup_storage"), groups, "the database's, then Velero's");
        assertEquals(items.size(), new java.util.HashSet<>(items).size(), () -> "each item once: " + items);
        assertTrue(items.containsAll(CnpgConfig.ITEMS), items::toString);
        for (String file : all.release().files().keySet())
            assertFalse(file.contains("velero-schedule"), "no Schedule selecting pods the operator makes");
    }

    /** KOTS renders the chart with builder values, without a config screen, for an air-gap bundle. */
    @Test
    void theBuilderValuesRenderWithoutAConfigScreen() {
        Generated g = Generated.with("chartFamily", CNPG.param(), "installPath", "kots");
        Map<String, Object> builder = map(ManifestView.load(g.release().text(ReleaseFile.HELMCHART)), "spec", "builder");
        ChartRenderer.Rendered r = ChartRenderer.render(CNPG, "0.8.1", "postgresql", builder).requireOk();
        assertEquals(1, r.ofKind("Cluster").size());
        // Without them (the chart's defaults plus nothing) the values' backups would need a bucket.
        Map<String, Object> values = ManifestView.load(ManifestYaml.dump(map(ManifestView.load(
                g.release().text(ReleaseFile.HELMCHART)), "spec", "values")));
        ChartRenderer.Rendered raw = ChartRenderer.render(CNPG, "0.8.1", "postgresql", blankTemplates(values));
        assertNotNull(raw.error(), "the chart refuses backups without a bucket");
    }

    /** The HelmChart's values with every KOTS template emptied: what an unconfigured render would see. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> blankTemplates(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? blankTemplates((Map<String, Object>) m)
                : v instanceof String s && s.contains("repl{{") ? "" : v));
        return out;
    }

    /**
     * Helm CLI: the vendor's chart takes the cluster chart under the alias postgresql; the customer sets the object
     * store exactly as backup-readme.md says (its --set lines are read from it), and recovers the same way.
     */
    @Test
    void theHelmValuesWithTheReadmesSetsMakeABackedUpCluster(@TempDir Path dir) throws IOException {
        Generated g = Generated.with("chartFamily", CNPG.param(), "installPath", "helm", "username", "app_user");
        Path parent = dir.resolve("vendor-app");
        InstallPathChartRenderTest.copy(ChartRenderer.chartDir(CNPG, "0.8.1"), parent.resolve("charts/cluster"));
        Files.writeString(parent.resolve("Chart.yaml"), ManifestYaml.dump(Maps.map("apiVersion", "v2", "name",
                "vendor-app", "version", "1.0.0", "dependencies",
                List.of(Maps.map("name", "cluster", "version", "0.8.1", "alias", "postgresql")))));
        String values = g.release().files().get("backup-values.yaml");
        String readme = g.release().files().get("backup-readme.md");

        ChartRenderer.Rendered unset = ChartRenderer.renderDir(parent, "customer", "ns", values, Map.of());
        assertNotNull(unset.error(), "without the object store the install fails at once, not in the cluster");

        Map<String, String> sets = sets(readme, "## Before installing", "##");
        assertTrue(sets.keySet().containsAll(List.of("postgresql.backups.s3.bucket", "postgresql.backups.s3.region",
                "postgresql.backups.s3.accessKey", "postgresql.backups.s3.secretKey")), sets::toString);
        // AWS S3: the four the README asks for (the endpoint and encryption lines are for other stores).
        sets.keySet().retainAll(List.of("postgresql.backups.s3.bucket", "postgresql.backups.s3.region",
                "postgresql.backups.s3.accessKey", "postgresql.backups.s3.secretKey"));
        sets.replaceAll((k, v) -> k.endsWith("bucket") ? "acme-backups"
                : k.endsWith("region") ? "eu-west-1"
                        : k.endsWith("accessKey") ? "AKIAEXAMPLE" : "s3cret/key+");
        ChartRenderer.Rendered r = ChartRenderer.renderDir(parent, "customer", "ns", values, sets).requireOk();
        Map<String, Object> cluster = r.ofKind("Cluster").get(0);
        assertEquals("customer-postgresql", map(cluster, "metadata").get("name"), "the alias names the cluster");
        assertEquals(Map.of("database", g.input().database(), "owner", "app_user"),
                map(cluster, "spec", "bootstrap").get("initdb"));
        assertEquals("true", map(cluster, "metadata", "labels").get(CnpgNames.EXCLUDE_LABEL));
        Map<String, Object> store = byName(r.ofKind("ObjectStore"), "customer-postgresql-backups");
        assertEquals("s3://acme-backups/", map(store, "spec", "configuration").get("destinationPath"));
        for (String kind : List.of("Cluster", "ObjectStore", "ScheduledBackup"))
            for (Map<String, Object> o : r.ofKind(kind))
                assertEquals(List.of(), CrdSchemas.problems(o), kind);
        assertTrue(readme.contains(CnpgConfig.DEFAULT_SCHEDULE) && readme.contains(CnpgConfig.DEFAULT_RETENTION));
        assertEquals(CnpgConfig.DEFAULT_SCHEDULE, map(r.ofKind("ScheduledBackup").get(0), "spec").get("schedule"));

        // Recovery as the README says it, with the same store and a new folder for the new archive.
        Map<String, String> recovery = new LinkedHashMap<>(sets);
        sets(readme, "## Recovering", "\n\n\n").forEach((k, v) -> recovery.put(k, v));
        recovery.put("postgresql.recovery.clusterName", "customer-postgresql");
        recovery.put("postgresql.recovery.s3.bucket", "acme-backups");
        recovery.put("postgresql.recovery.s3.region", "eu-west-1");
        recovery.put("postgresql.recovery.s3.accessKey", "AKIAEXAMPLE");
        recovery.put("postgresql.recovery.s3.secretKey", "s3cret/key+");
        recovery.put("postgresql.backups.s3.path", "/after-recovery");
        assertTrue(readme.contains("--set postgresql.backups.s3.path="), readme);
        ChartRenderer.Rendered rec = ChartRenderer.renderDir(parent, "customer2", "ns", values, recovery).requireOk();
        Map<String, Object> spec = map(rec.ofKind("Cluster").get(0), "spec");
        assertNotNull(map(spec, "bootstrap").get("recovery"), () -> spec.toString());
        for (String kind : List.of("Cluster", "ObjectStore"))
            for (Map<String, Object> o : rec.ofKind(kind))
                assertEquals(List.of(), CrdSchemas.problems(o), kind);
    }

    /** The --set key=value pairs of the README's section starting at {@code from}, up to {@code to}. */
    private static Map<String, String> sets(String readme, String from, String to) {
        int start = readme.indexOf(from);
        assertTrue(start >= 0, () -> "README has no " + from + ":\n" + readme);
        int end = readme.indexOf(to, start + from.length());
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("--set ([\\w.]+)=(\\S*)").matcher(section);
        while (m.find())
            out.put(m.group(1), m.group(2).replaceAll("[`\\\\]+$", ""));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyPlugin(Map<String, Object> spec) {
        List<Map<String, Object>> plugins = (List<Map<String, Object>>) spec.get("plugins");
        assertEquals(1, plugins.size(), () -> "plugins " + plugins);
        assertEquals(CnpgNames.PLUGIN, plugins.get(0).get("name"));
        return plugins.get(0);
    }

    private static Map<String, Object> byName(List<Map<String, Object>> objects, String name) {
        return objects.stream().filter(o -> name.equals(map(o, "metadata").get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " among "
                        + objects.stream().map(o -> map(o, "metadata").get("name")).toList()));
    }

    private static String decode(Object base64) {
        return new String(Base64.getDecoder().decode(String.valueOf(base64)), StandardCharsets.UTF_8);
    }
}
