package io.pgbackupwizard.generate;

import static io.pgbackupwizard.testsupport.ManifestView.list;
import static io.pgbackupwizard.testsupport.ManifestView.map;
import static io.pgbackupwizard.testsupport.ManifestView.string;
import static io.pgbackupwizard.testsupport.ManifestView.strings;
import static io.pgbackupwizard.testsupport.ManifestView.valueAt;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.pgbackupwizard.generate.hooks.Hooks;
import io.pgbackupwizard.generate.kots.ConfigManifest;
import io.pgbackupwizard.generate.kots.HelmChartManifest;
import io.pgbackupwizard.generate.text.InstallNotes;
import io.pgbackupwizard.generate.yaml.ManifestYaml;
import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.Matrix;

/**
 * The KOTS HelmChart, read back from its YAML. The defaults install in 2026 (chart 17.1.0, kots.io/v1beta2, an
 * image from docker.io/bitnamilegacy, a Disk scratch with limits that hold it); the 2020 reference example
 * (chart 8.7.4, kots.io/v1beta1) is a preset. Every parameter changes the manifest where it should and nowhere else.
 */
class HelmChartManifestTest {

    static final String BACKUP_COMMAND = "pre.hook.backup.velero.io/command";
    static final String BACKUP_TIMEOUT = "pre.hook.backup.velero.io/timeout";
    static final String BACKUP_ON_ERROR = "pre.hook.backup.velero.io/on-error";
    static final String RESTORE_COMMAND = "post.hook.restore.velero.io/command";
    static final String RESTORE_WAIT_TIMEOUT = "post.hook.restore.velero.io/wait-timeout";
    static final String RESTORE_EXEC_TIMEOUT = "post.hook.restore.velero.io/exec-timeout";
    static final String BACKUP_VOLUMES = "backup.velero.io/backup-volumes";
    static final String BACKUP_VOLUMES_EXCLUDES = "backup.velero.io/backup-volumes-excludes";
    static final String BACKUP_CONTAINER = "pre.hook.backup.velero.io/container";
    static final String RESTORE_CONTAINER = "post.hook.restore.velero.io/container";
    static final String RESTORE_ON_ERROR = "post.hook.restore.velero.io/on-error";
    static final String RESTORE_WAIT_FOR_READY = "post.hook.restore.velero.io/wait-for-ready";

    static final String DEFAULT_EXCLUDE = "repl{{ ConfigOptionEquals \"postgres_type\" \"external_postgres\" }}";
    static final String DEFAULT_PASSWORD = "repl{{ ConfigOption \"embedded_postgres_password\" }}";

    /** Absolute paths a script names (outside quotes or in single quotes). */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<=[\\s'])/[^\\s;'\"]+");

    static Map<String, Object> podAnnotations(Generated g) {
        return map(g.values(), g.input().chart().podPath("podAnnotations").toArray(String[]::new));
    }

    static List<String> backupArgv(Generated g) {
        return ManifestView.veleroArgv(BACKUP_COMMAND, string(podAnnotations(g), BACKUP_COMMAND));
    }

    static List<String> restoreArgv(Generated g) {
        return ManifestView.veleroArgv(RESTORE_COMMAND, string(podAnnotations(g), RESTORE_COMMAND));
    }

    /** The pg_dump or psql invocation in a script: from the program name to the end of its statement. */
    static String invocation(String script, String program) {
        Matcher m = Pattern.compile("(?:^|[;&|]\\s*)(" + program + " [^;&|]*)").matcher(script);
        assertTrue(m.find(), () -> "script runs " + program + ": " + script);
        return m.group(1);
    }

    static List<String> absolutePaths(String script) {
        List<String> paths = new ArrayList<>();
        Matcher m = ABSOLUTE_PATH.matcher(script);
        while (m.find())
            paths.add(m.group());
        return paths;
    }

    @Nested
    class Defaults {
        final Generated g = Generated.defaults();
        final Map<String, Object> hc = g.helmChart();

        @Test
        void isAKotsV1beta2HelmChartNamedPostgresql() {
            assertEquals("kots.io/v1beta2", hc.get("apiVersion"));
            assertEquals("HelmChart", hc.get("kind"));
            assertEquals("postgresql", string(hc, "metadata", "name"));
        }

        @Test
        void installsBitnamiPostgresql1710AsAString() {
            Map<String, Object> chart = map(hc, "spec", "chart");
            assertEquals("postgresql", chart.get("name"));
            // A string, not the float 8.7 nor anything else YAML might make of it.
            assertEquals("17.1.0", chart.get("chartVersion"));
            assertFalse(chart.containsKey("releaseName"), "the release name defaults to the chart's own name");
        }

        @Test
        void isExcludedWhenTheCustomerPicksExternalPostgres() {
            assertEquals(DEFAULT_EXCLUDE, string(hc, "spec", "exclude"));
        }

        @Test
        void valuesHoldOnlyThePrimaryPodTheCredentialsAndTheImage() {
            assertEquals(Set.of("primary", "global", "image"), g.values().keySet());
            assertEquals(Set.of("podAnnotations", "extraVolumes", "extraVolumeMounts", "resources"),
                    map(g.values(), "primary").keySet());
            assertEquals(Set.of("postgresql", "security"), map(g.values(), "global").keySet());
        }

        @Test
        void theImageIsBitnamisLegacyCopyAndTheChartsImageCheckIsToldSo() {
            assertEquals(Map.of("registry", "docker.io", "repository", "bitnamilegacy/postgresql"), map(g.values(), "image"));
            assertEquals(Map.of("allowInsecureImages", true), map(g.values(), "global", "security"));
        }

        @Test
        void builderHoldsTheSameStaticImageValues() {
            assertEquals(Map.of("image", Map.of("registry", "docker.io", "repository", "bitnamilegacy/postgresql"),
                    "global", Map.of("security", Map.of("allowInsecureImages", true))), map(hc, "spec", "builder"));
            assertFalse(g.release().text(ReleaseFile.HELMCHART).split("builder:")[1].contains("repl{{"),
                    "builder takes static values only");
        }

        @Test
        void limitsReplaceTheNanoPresetAndHoldTheDiskScratch() {
            assertEquals(Map.of(
                    "requests", Map.of("cpu", "250m", "memory", "256Mi", "ephemeral-storage", "50Mi"),
                    "limits", Map.of("cpu", "1", "memory", "512Mi", "ephemeral-storage", "2048Mi")),
                    map(g.values(), "primary", "resources"), "1Gi scratch + 1Gi headroom of ephemeral storage");
        }

        @Test
        void optionalValuesLabelThePodForSnapshotsAndFollowALocalRegistry() {
            String slug = "repl{{ LicenseFieldValue \"appSlug\" }}";
            assertEquals(List.of(
                    Map.of("when", "repl{{ LicenseFieldValue \"isSnapshotSupported\" }}", "recursiveMerge", true,
                            "values", Map.of("commonLabels", Map.of("kots.io/backup", "velero", "kots.io/app-slug", slug))),
                    Map.of("when", "repl{{ HasLocalRegistry }}", "recursiveMerge", true, "values", Map.of(
                            "image", Map.of("registry", "repl{{ LocalRegistryHost }}",
                                    "repository", "repl{{ LocalRegistryNamespace }}/postgresql",
                                    "pullSecrets", List.of("repl{{ ImagePullSecretName }}")),
                            "global", Map.of("security", Map.of("allowInsecureImages", true))))),
                    list(hc, "spec", "optionalValues"));
        }

        @Test
        void backsUpOnlyTheScratchVolume() {
            assertEquals("backup", string(podAnnotations(g), BACKUP_VOLUMES));
        }

        @Test
        void backupCommandIsAJsonArrayRunningBashDashC() {
            List<String> argv = backupArgv(g);
            assertEquals(3, argv.size(), () -> "argv: " + argv);
            assertEquals("/bin/bash", argv.get(0));
            assertEquals("-c", argv.get(1), "without a shell $POSTGRES_PASSWORD would not expand");
        }

        @Test
        void backupScriptDumpsTheDatabaseOverLocalhostAsTheUser() {
            String pgDump = invocation(backupArgv(g).get(2), "pg_dump");
            assertAll(
                    () -> assertTrue(pgDump.contains("-h 127.0.0.1"), pgDump),
                    () -> assertTrue(pgDump.contains("-U username"), pgDump),
                    () -> assertTrue(pgDump.contains("-d dbname"), pgDump),
                    () -> assertTrue(pgDump.contains("-p \"${POSTGRESQL_PORT_NUMBER:-5432}\""), pgDump),
                    () -> assertTrue(pgDump.contains("--no-password"), pgDump),
                    () -> assertTrue(pgDump.contains("-Fc -Z1"), "custom format by default: " + pgDump));
        }

        @Test
        void backupScriptWritesTheDumpUnderScratchOnly() {
            String script = backupArgv(g).get(2);
            assertTrue(script.contains("/scratch/backup.dump"), script);
            List<String> paths = absolutePaths(script);
            assertFalse(paths.isEmpty(), script);
            paths.forEach(p -> assertTrue(p.startsWith("/scratch/"), () -> p + " is outside the scratch volume: " + script));
        }

        @Test
        void backupHookTimesOutAfterThirtyMinutes() {
            assertEquals("30m", string(podAnnotations(g), BACKUP_TIMEOUT));
        }

        @Test
        void onErrorIsAlwaysWritten() {
            // Velero applies its Fail default only to Backup-spec hooks: absent acts like Continue for annotations.
            assertEquals("Fail", string(podAnnotations(g), BACKUP_ON_ERROR));
            assertEquals("Continue", string(podAnnotations(g), RESTORE_ON_ERROR));
        }

        @Test
        void hooksNameTheChartsContainerAndWaitForReadiness() {
            // chart 17.1.0 names its container postgresql (from 11.x; before, the chart's fullname)
            assertEquals("postgresql", string(podAnnotations(g), BACKUP_CONTAINER));
            assertEquals("postgresql", string(podAnnotations(g), RESTORE_CONTAINER));
            assertEquals("true", string(podAnnotations(g), RESTORE_WAIT_FOR_READY));
            // every other volume of the 17.1.0 pod, as the rendered pod names them (RenderedHookAnnotationsTest)
            assertEquals("data,dshm,empty-dir,postgresql-password", string(podAnnotations(g), BACKUP_VOLUMES_EXCLUDES));
        }

        @Test
        void restoreHookLoadsTheDumpWithPgRestoreOverLocalhost() {
            List<String> argv = restoreArgv(g);
            assertEquals(List.of("/bin/bash", "-c"), argv.subList(0, 2));
            String load = invocation(argv.get(2), "pg_restore");
            assertAll(
                    () -> assertTrue(load.contains("-h 127.0.0.1"), load),
                    () -> assertTrue(load.contains("-U username"), load),
                    () -> assertTrue(load.contains("-d dbname"), load),
                    () -> assertTrue(load.contains("--single-transaction --exit-on-error"), load),
                    () -> assertTrue(load.contains("/scratch/backup.dump >/dev/null"), load));
            assertEquals("10m", string(podAnnotations(g), RESTORE_WAIT_TIMEOUT));
            assertEquals("10m", string(podAnnotations(g), RESTORE_EXEC_TIMEOUT));
        }

        @Test
        void usesNoAnnotationVeleroDoesNotKnow() {
            // There is no post.hook.restore.velero.io/timeout: restore hooks have wait-timeout and exec-timeout.
            assertEquals(Set.of(BACKUP_VOLUMES, BACKUP_VOLUMES_EXCLUDES, BACKUP_CONTAINER, BACKUP_COMMAND, BACKUP_TIMEOUT,
                    BACKUP_ON_ERROR, RESTORE_CONTAINER, RESTORE_COMMAND, RESTORE_ON_ERROR, RESTORE_WAIT_FOR_READY,
                    RESTORE_WAIT_TIMEOUT, RESTORE_EXEC_TIMEOUT), podAnnotations(g).keySet());
        }

        @Test
        void scratchVolumeIsADiskEmptyDirOf1GiNamedBackup() {
            List<Object> volumes = list(g.values(), "primary", "extraVolumes");
            assertEquals(List.of(Map.of("name", "backup", "emptyDir", Map.of("sizeLimit", "1Gi"))), volumes,
                    "no medium: the node's ephemeral storage");
        }

        @Test
        void scratchVolumeIsMountedAtScratch() {
            assertEquals(List.of(Map.of("name", "backup", "mountPath", "/scratch")),
                    list(g.values(), "primary", "extraVolumeMounts"));
        }

        @Test
        void credentialsAreTheUserTheDatabaseAndThePasswordAsAKotsTemplate() {
            assertEquals(Map.of("username", "username", "password", DEFAULT_PASSWORD, "database", "dbname"),
                    map(g.values(), "global", "postgresql", "auth"));
        }

        @Test
        void theVeleroBackupIsABareBackup() {
            // Helm CLI alone has no Backup; KOTS snapshots (in the default release too) get the bare one.
            assertFalse(Generated.with("installPath", "helm").release().files()
                    .containsKey(ReleaseFile.BACKUP.fileName(g.input())));
            assertEquals(Generated.with("installPath", "kots").backup(), g.backup());
            Map<String, Object> backup = Generated.with("installPath", "kots").backup();
            assertEquals("velero.io/v1", backup.get("apiVersion"));
            assertEquals("Backup", backup.get("kind"));
            assertEquals(Map.of(), map(backup, "spec"));
        }
    }

    /** One parameter changed from its default, and what must then be true. */
    record Change(Field field, String value, Consumer<Generated> expect) {
        @Override
        public String toString() {
            return field.param() + "=" + value;
        }
    }

    static Stream<Change> changes() {
        return Stream.of(
                new Change(Field.NAME, "orders-db", g -> {
                    Map<String, Object> hc = g.helmChart();
                    assertEquals("orders-db", string(hc, "metadata", "name"));
                    assertEquals("orders-db", string(hc, "spec", "releaseName"), "v1beta2: under spec");
                    assertEquals("postgresql", string(hc, "spec", "chart", "name"), "still the Bitnami chart");
                }),
                new Change(Field.API_VERSION, "kots.io/v1beta1", g -> {
                    Map<String, Object> hc = g.helmChart();
                    assertEquals("kots.io/v1beta1", hc.get("apiVersion"));
                    assertEquals(true, valueAt(hc, "spec", "useHelmInstall"), "or the install is locked into kubectl apply");
                    assertNull(valueAt(hc, "spec", "optionalValues"), "KOTS labels and relocates v1beta1 charts itself");
                    assertEquals(map(Generated.defaults().helmChart(), "spec", "builder"), map(hc, "spec", "builder"),
                            "the same static image values in builder");
                    assertEquals(DEFAULT_EXCLUDE, string(hc, "spec", "exclude"));
                }),
                new Change(Field.CHART_FAMILY, "cloudpirates", g -> {
                    // CloudPirates postgres 0.20.1 (the newest known): its own name, its keys at the top of the values,
                    // the official image by the chart's own digest-pinned tag, the hooks as the image's superuser.
                    assertEquals(Map.of("name", "postgres", "chartVersion", "0.20.1"), map(g.helmChart(), "spec", "chart"));
                    assertEquals("postgresql", string(g.helmChart(), "spec", "releaseName"), "not the chart's own name");
                    assertEquals(Set.of("podAnnotations", "extraVolumes", "extraVolumeMounts", "auth", "image"),
                            g.values().keySet(), "no global: the chart checks no images; no resources: it sets no limits");
                    assertEquals("postgres", string(g.values(), "podAnnotations", "pre.hook.backup.velero.io/container"));
                    assertEquals("postgres", string(g.values(), "podAnnotations", "post.hook.restore.velero.io/container"));
                    assertEquals("data,config,run,tmp",
                            string(g.values(), "podAnnotations", "backup.velero.io/backup-volumes-excludes"));
                    assertEquals(Map.of("username", "username", "password", DEFAULT_PASSWORD, "database", "dbname"),
                            map(g.values(), "auth"));
                    assertEquals(Map.of("registry", "docker.io", "repository", "postgres"), map(g.values(), "image"),
                            "the chart's own tag keeps its digest");
                    String dump = invocation(backupArgv(g).get(2), "pg_dump");
                    assertTrue(dump.contains("-p \"${PGPORT:-5432}\" -U username"), dump);
                    assertTrue(backupArgv(g).get(2).contains("PGPASSWORD=\"${POSTGRES_PASSWORD:-"), backupArgv(g).get(2));
                    assertTrue(invocation(restoreArgv(g).get(2), "pg_restore").contains("-p \"${PGPORT:-5432}\""));
                    assertTrue(InstallNotes.chartSource(g.input())
                            .startsWith("Put the chart archive postgres-0.20.1.tgz in the KOTS release, next to the"
                                    + " HelmChart: helm pull oci://registry-1.docker.io/cloudpirates/postgres --version 0.20.1."),
                            InstallNotes.chartSource(g.input()));
                    assertEquals(List.of(),
                            InstallNotes.warnings(g.input()).stream().filter(w -> w.contains("bitnami")).toList(),
                            "no Bitnami image warnings on the official image");
                }),
                new Change(Field.CHART_VERSION, "8.7.4", g -> {
                    assertEquals("8.7.4", string(g.helmChart(), "spec", "chart", "chartVersion"));
                    assertEquals(Set.of("master", "global", "image"), g.values().keySet());
                    assertEquals("backup", string(g.values(), "master", "podAnnotations", BACKUP_VOLUMES));
                    assertEquals(Map.of("postgresqlUsername", "username", "postgresqlPassword", DEFAULT_PASSWORD,
                            "postgresqlDatabase", "dbname"), map(g.values(), "global", "postgresql"));
                    assertEquals(Map.of("registry", "docker.io", "repository", "bitnami/postgresql"), map(g.values(), "image"),
                            "no free image exists: the chart's own, with a warning");
                    assertNull(valueAt(g.values(), "master", "resources"), "8.x sets no limits");
                    assertTrue(InstallNotes.warnings(g.input()).stream().anyMatch(w -> w.startsWith("No free image exists")));
                }),
                new Change(Field.ALLOW_EXTERNAL, "false", g -> {
                    assertFalse(map(g.helmChart(), "spec").containsKey("exclude"), "always installed");
                }),
                new Change(Field.TYPE_OPTION, "db_location", g -> assertEquals(
                        "repl{{ ConfigOptionEquals \"db_location\" \"external_postgres\" }}",
                        string(g.helmChart(), "spec", "exclude"))),
                new Change(Field.EMBEDDED_VALUE, "in_cluster", g -> {
                    // Only the Config names the embedded choice; the chart is excluded on the external one.
                    assertEquals(Generated.defaults().helmChart(), g.helmChart());
                    assertTrue(g.release().text(ReleaseFile.CONFIG).contains("in_cluster"));
                }),
                new Change(Field.EXTERNAL_VALUE, "managed", g -> assertEquals(
                        "repl{{ ConfigOptionEquals \"postgres_type\" \"managed\" }}",
                        string(g.helmChart(), "spec", "exclude"))),
                new Change(Field.USERNAME, "app_user", g -> {
                    assertEquals("app_user", string(g.values(), "global", "postgresql", "auth", "username"));
                    assertTrue(invocation(backupArgv(g).get(2), "pg_dump").contains("-U app_user"));
                    assertTrue(invocation(restoreArgv(g).get(2), "pg_restore").contains("-U app_user"));
                    assertFalse(g.release().text(ReleaseFile.HELMCHART).contains("-U username"));
                }),
                new Change(Field.DATABASE, "orders", g -> {
                    assertEquals("orders", string(g.values(), "global", "postgresql", "auth", "database"));
                    assertTrue(invocation(backupArgv(g).get(2), "pg_dump").contains("-d orders"));
                    assertTrue(invocation(restoreArgv(g).get(2), "pg_restore").contains("-d orders"));
                    assertFalse(g.release().text(ReleaseFile.HELMCHART).contains("dbname"));
                }),
                new Change(Field.PASSWORD_OPTION, "db_secret", g -> {
                    assertEquals("repl{{ ConfigOption \"db_secret\" }}",
                            string(g.values(), "global", "postgresql", "auth", "password"));
                    assertFalse(g.release().text(ReleaseFile.HELMCHART).contains("embedded_postgres_password"));
                }),
                new Change(Field.SCRATCH_SIZE, "4Gi", g -> {
                    assertEquals("4Gi", string(g.values(), "primary", "extraVolumes", "0", "emptyDir", "sizeLimit"));
                    assertEquals("5120Mi", string(g.values(), "primary", "resources", "limits", "ephemeral-storage"),
                            "the computed limit follows the scratch size");
                }),
                new Change(Field.SCRATCH_MEDIUM, "Memory", g -> {
                    assertEquals(List.of(Map.of("name", "backup", "emptyDir", Map.of("medium", "Memory", "sizeLimit", "1Gi"))),
                            list(g.values(), "primary", "extraVolumes"));
                    assertEquals(Map.of("cpu", "1", "memory", "1536Mi", "ephemeral-storage", "1024Mi"),
                            map(g.values(), "primary", "resources", "limits"), "the tmpfs counts against memory");
                }),
                new Change(Field.MOUNT_PATH, "/dumps", g -> {
                    assertEquals("/dumps", string(g.values(), "primary", "extraVolumeMounts", "0", "mountPath"));
                    assertTrue(backupArgv(g).get(2).contains("/dumps/backup.dump"));
                    absolutePaths(backupArgv(g).get(2)).forEach(p -> assertTrue(p.startsWith("/dumps/"), p));
                    assertTrue(invocation(restoreArgv(g).get(2), "pg_restore").contains("/dumps/backup.dump"));
                    assertFalse(g.release().text(ReleaseFile.HELMCHART).contains("/scratch"));
                }),
                new Change(Field.HOOK_TIMEOUT, "1h30m", g -> assertEquals("1h30m", string(podAnnotations(g), BACKUP_TIMEOUT))),
                new Change(Field.ON_ERROR, "Continue",
                        g -> assertEquals("Continue", string(podAnnotations(g), BACKUP_ON_ERROR))),
                new Change(Field.DUMP_FORMAT, "plain", g -> {
                    assertTrue(invocation(backupArgv(g).get(2), "pg_dump").contains("--clean --if-exists"));
                    assertFalse(backupArgv(g).get(2).contains("-Fc"));
                    assertTrue(invocation(restoreArgv(g).get(2), "psql -X -q").contains("/scratch/backup.sql"));
                }),
                new Change(Field.HOOK_USER, "postgres", g -> {
                    // run with chart 17.1.0 (below 11 the parser refuses it): the superuser's own password variable
                    String script = backupArgv(g).get(2);
                    assertTrue(invocation(script, "pg_dump").contains("-U postgres"), script);
                    assertTrue(script.contains("${POSTGRES_POSTGRES_PASSWORD:-$(cat \"$POSTGRES_POSTGRES_PASSWORD_FILE\")}"),
                            script);
                    assertTrue(invocation(restoreArgv(g).get(2), "pg_restore").contains("-U postgres"));
                }),
                new Change(Field.RESTORE_ON_ERROR, "Fail",
                        g -> assertEquals("Fail", string(podAnnotations(g), RESTORE_ON_ERROR))),
                new Change(Field.RESTORE_HOOK, "false", g -> {
                    Set<String> restoreKeys = podAnnotations(g).keySet().stream()
                            .filter(k -> k.contains("restore")).collect(Collectors.toSet());
                    assertEquals(Set.of(), restoreKeys, "no restore hook at all");
                    assertTrue(podAnnotations(g).containsKey(BACKUP_COMMAND), "the backup hook stays");
                }),
                new Change(Field.RESTORE_WAIT_TIMEOUT, "5m",
                        g -> assertEquals("5m", string(podAnnotations(g), RESTORE_WAIT_TIMEOUT))),
                new Change(Field.RESTORE_EXEC_TIMEOUT, "45m",
                        g -> assertEquals("45m", string(podAnnotations(g), RESTORE_EXEC_TIMEOUT))),
                // The HelmChart is the same on every path; the path decides the files beside it (InstallPathFilesTest).
                new Change(Field.INSTALL_PATH, "embedded-v2", g -> assertEquals(
                        java.util.List.of("postgresql-helmchart.yaml", "config.yaml", "backup.yaml", "restore.yaml",
                                "app-database-values.yaml", "README.txt"),
                        java.util.List.copyOf(g.release().files().keySet()))),

                new Change(Field.IMAGE_REGISTRY, "mirror.example.com:5000", g -> {
                    assertEquals("mirror.example.com:5000", string(g.values(), "image", "registry"));
                    assertEquals("mirror.example.com:5000", string(g.helmChart(), "spec", "builder", "image", "registry"));
                    assertEquals(true, valueAt(g.values(), "global", "security", "allowInsecureImages"));
                }),
                new Change(Field.IMAGE_REPOSITORY, "acme/mirror/pg", g -> {
                    assertEquals("acme/mirror/pg", string(g.values(), "image", "repository"));
                    assertEquals("acme/mirror/pg", string(g.helmChart(), "spec", "builder", "image", "repository"));
                    assertEquals("repl{{ LocalRegistryNamespace }}/pg", string(g.helmChart(), "spec", "optionalValues", "1",
                            "values", "image", "repository"), "KOTS pushes the image as <namespace>/<name>");
                }),
                new Change(Field.IMAGE_TAG, "17.6.0-debian-12-r4", g -> {
                    assertEquals("17.6.0-debian-12-r4", string(g.values(), "image", "tag"));
                    assertEquals("17.6.0-debian-12-r4", string(g.helmChart(), "spec", "builder", "image", "tag"));
                }),
                // your own StatefulSet's names: in its patch (the other families name their own; FieldEffectTest)
                new Change(Field.CONTAINER_NAME, "db", g -> {
                    Map<String, Object> patch = ManifestView.load(g.release().text(ReleaseFile.STATEFULSET_PATCH));
                    assertEquals("db", string(patch, "spec", "template", "spec", "containers", "0", "name"));
                    assertEquals("db", string(patch, "spec", "template", "metadata", "annotations",
                            "pre.hook.backup.velero.io/container"));
                }),
                new Change(Field.DATA_VOLUME, "pgdata", g -> assertEquals("pgdata", string(
                        ManifestView.load(g.release().text(ReleaseFile.STATEFULSET_PATCH)), "spec", "template", "metadata",
                        "annotations", "backup.velero.io/backup-volumes-excludes"))),
                new Change(Field.CPU_LIMIT, "2",
                        g -> assertEquals("2", string(g.values(), "primary", "resources", "limits", "cpu"))),
                new Change(Field.MEMORY_LIMIT, "3Gi", g -> assertEquals("3Gi",
                        string(g.values(), "primary", "resources", "limits", "memory"))),
                new Change(Field.EPHEMERAL_STORAGE_LIMIT, "8Gi", g -> assertEquals("8Gi",
                        string(g.values(), "primary", "resources", "limits", "ephemeral-storage"))),
                // the move off Bitnami (run on groundhog2k: see aChangedValueAppearsWhereItShould)
                new Change(Field.MIGRATE_FROM, "16.7.27", g -> {
                    assertTrue(g.release().files().containsKey("app-db-migration-helmchart.yaml"));
                    assertTrue(g.release().files().containsKey("pgbw-migration/templates/copy.yaml"));
                    assertTrue(g.release().text(ReleaseFile.MIGRATION_GUIDE).contains("Bitnami postgresql chart 16.7.27"));
                    assertEquals("database_move", string(g.config(), "spec", "groups", "1", "name"));
                }),
                new Change(Field.MIGRATE_FROM_RELEASE, "orders-pg", g -> {
                    assertEquals("orders-pg-postgresql", string(migrationValues(g), "source", "host"));
                    assertEquals("orders-pg-postgresql", string(migrationValues(g), "source", "secret"));
                }),
                new Change(Field.MIGRATE_FROM_SECRET, "pg-credentials",
                        g -> assertEquals("pg-credentials", string(migrationValues(g), "source", "secret"))),
                new Change(Field.MIGRATE_FROM_PASSWORD_KEY, "admin-password",
                        g -> assertEquals("admin-password", string(migrationValues(g), "source", "passwordKey"))),
                new Change(Field.MIGRATION_TIMEOUT, "2h", g -> assertEquals(List.of("--timeout", "2h"), ManifestView.list(
                        ManifestView.load(g.release().text(ReleaseFile.MIGRATION_HELMCHART)), "spec", "helmUpgradeFlags"))));
    }

    private static Map<String, Object> migrationValues(Generated g) {
        return ManifestView.map(ManifestView.load(g.release().text(ReleaseFile.MIGRATION_HELMCHART)), "spec", "values");
    }

    /** A move off Bitnami needs a chart to move to and its own release name; the field under test is added to it. */
    private static Generated migrating(Field field, String value) {
        List<String> params = new java.util.ArrayList<>(List.of("chartFamily", "groundhog2k", "name", "app-db",
                "installPath", "kots", field.param(), value));
        if (field != Field.MIGRATE_FROM)
            params.addAll(List.of("migrateFrom", "17.1.0"));
        return Generated.with(params.toArray(String[]::new));
    }

    @Test
    void everyParameterHasAChangedValueCase() {
        assertEquals(EnumSet.allOf(Field.class), changes().map(Change::field).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Field.class))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangedValueAppearsWhereItShould(Change change) {
        assertNotEquals(change.field().defaultValue(), change.value(), "the case changes the value");
        change.expect().accept(Field.MIGRATION.contains(change.field()) ? migrating(change.field(), change.value())
                : change.field() == Field.HOOK_USER
                        ? Generated.with(change.field().param(), change.value(), "chartVersion", "17.1.0")
                        : change.field() == Field.CONTAINER_NAME || change.field() == Field.DATA_VOLUME
                                ? Generated.with(change.field().param(), change.value(), "chartFamily", "statefulset")
                                : Generated.with(change.field().param(), change.value()));
    }

    @Test
    void v1beta2PutsTheReleaseNameUnderSpec() {
        Map<String, Object> hc = Generated.with("apiVersion", "kots.io/v1beta2", "name", "orders-db").helmChart();
        assertEquals("orders-db", string(hc, "spec", "releaseName"));
        assertNull(valueAt(hc, "spec", "chart", "releaseName"), "v1beta2 has no chart.releaseName");
    }

    @ParameterizedTest(name = "chart {0}: {1}.* and {2}")
    @CsvSource({
            "8.0.0,   master,  global.postgresql,      postgresqlUsername, postgresqlPassword, postgresqlDatabase",
            "9.8.13,  master,  global.postgresql,      postgresqlUsername, postgresqlPassword, postgresqlDatabase",
            "10.0.0,  primary, global.postgresql,      postgresqlUsername, postgresqlPassword, postgresqlDatabase",
            "10.16.3, primary, global.postgresql,      postgresqlUsername, postgresqlPassword, postgresqlDatabase",
            "11.0.0,  primary, global.postgresql.auth, username,           password,           database",
            "16.5.9,  primary, global.postgresql.auth, username,           password,           database",
            "16.6.0,  primary, global.postgresql.auth, username,           password,           database",
            "17.1.0,  primary, global.postgresql.auth, username,           password,           database" })
    void eachChartGenerationGetsItsOwnKeys(String chartVersion, String podKey, String credentialsPath,
            String usernameKey, String passwordKey, String databaseKey) {
        Generated g = Generated.with("chartVersion", chartVersion);
        assertEquals(chartVersion, string(g.helmChart(), "spec", "chart", "chartVersion"));
        assertEquals(Set.of(podKey, "global", "image"), g.values().keySet());
        Set<String> podKeys = io.pgbackupwizard.chart.ChartVersion.parse(chartVersion).major() >= 15
                ? Set.of("podAnnotations", "extraVolumes", "extraVolumeMounts", "resources")
                : Set.of("podAnnotations", "extraVolumes", "extraVolumeMounts");
        assertEquals(podKeys, map(g.values(), podKey).keySet());
        assertEquals(Map.of(usernameKey, "username", passwordKey, DEFAULT_PASSWORD, databaseKey, "dbname"),
                map(g.values(), credentialsPath.split("\\.")));
    }

    @Nested
    class PasswordNeverInClear {

        static Stream<Generated> variants() {
            return Matrix.chartVersionPerFactsRow().stream().flatMap(v -> Stream.of("true", "false")
                    .map(ext -> Generated.with("chartVersion", v, "allowExternal", ext, "passwordOption", "app_db_secret")));
        }

        @ParameterizedTest
        @MethodSource("variants")
        void onlyTheCredentialsPasswordReferencesThePasswordOption(Generated g) {
            Map<String, String> mentions = strings(g.helmChart()).entrySet().stream()
                    .filter(e -> e.getValue().contains("app_db_secret"))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            String passwordPath = "spec.values." + String.join(".", g.input().chart().credentialsPath()) + "."
                    + g.input().chart().passwordKey();
            assertEquals(Map.of(passwordPath, "repl{{ ConfigOption \"app_db_secret\" }}"), mentions);
        }

        @ParameterizedTest
        @MethodSource("variants")
        void hookScriptsTakeThePasswordFromTheContainerNotFromTheManifest(Generated g) {
            List<String> scripts = new ArrayList<>(List.of(backupArgv(g).get(2), restoreArgv(g).get(2)));
            for (String script : scripts) {
                assertAll(script,
                        // A template here would be rendered by KOTS into the pod annotation: the password in clear.
                        () -> assertFalse(script.contains("{{"), "no KOTS/Helm template in a hook"),
                        () -> assertFalse(script.contains("app_db_secret"), "no reference to the password option"),
                        () -> assertFalse(script.matches("(?s).*(--password|-W\\b|postgres(ql)?://).*"),
                                "no password on the command line or in a URI"),
                        () -> assertTrue(script.contains("$POSTGRES_PASSWORD") || script.contains("${POSTGRES_PASSWORD"),
                                "reads the container's password variable"),
                        () -> assertTrue(script.contains("$POSTGRES_PASSWORD_FILE"),
                                "reads the password file the chart mounts from 16.6.0"));
                Matcher assignment = Pattern.compile("PGPASSWORD=(\\S+)").matcher(script);
                assertTrue(assignment.find(), script);
                assertTrue(assignment.group(1).startsWith("\"$"),
                        () -> "PGPASSWORD is set from a variable, not a literal: " + assignment.group(1));
            }
        }

        @Test
        void theConfigGeneratesThePasswordAtInstallAndNeverShowsIt() {
            Map<String, Object> config = Generated.with("passwordOption", "app_db_secret").config();
            @SuppressWarnings("unchecked")
            Map<String, Object> item = list(config, "spec", "groups").stream()
                    .flatMap(group -> ((List<Map<String, Object>>) ((Map<String, Object>) group).get("items")).stream())
                    .filter(i -> "app_db_secret".equals(i.get("name"))).findFirst().orElseThrow();
            assertEquals("repl{{ RandomString 32 }}", item.get("value"));
            assertEquals(true, item.get("hidden"));
            assertFalse(item.containsKey("default"), "no fixed default password");
        }
    }

    @Nested
    class YamlText {

        static Stream<Generated> variants() {
            return Matrix.chartVersionPerFactsRow().stream().flatMap(v -> Stream
                    .of("kots.io/v1beta1", "kots.io/v1beta2")
                    .flatMap(api -> Stream.of("true", "false").map(flag -> Generated.with("chartVersion", v, "apiVersion", api,
                            "allowExternal", flag, "restoreHook", flag, "onError", "true".equals(flag) ? "Continue" : "Fail",
                            "name", "true".equals(flag) ? "postgresql" : "orders-db"))));
        }

        @ParameterizedTest
        @MethodSource("variants")
        void everyManifestParsesBackToExactlyWhatWasBuilt(Generated g) {
            Hooks hooks = Hooks.of(g.input());
            Map<String, Object> built = HelmChartManifest.build(g.input(), hooks);
            assertEquals(built, ManifestView.load(ManifestYaml.dump(built)));
            assertEquals(ConfigManifest.build(g.input()),
                    ManifestView.load(ManifestYaml.dump(ConfigManifest.build(g.input()))));
            assertEquals(built, g.helmChart(), "the release carries the same HelmChart");
        }

        @ParameterizedTest
        @MethodSource("variants")
        void templatesAndJsonAnnotationsAreSingleQuoted(Generated g) {
            List<ManifestView.Scalar> scalars = new ArrayList<>(ManifestView.scalars(g.release().text(ReleaseFile.HELMCHART)));
            scalars.addAll(ManifestView.scalars(g.release().text(ReleaseFile.CONFIG)));
            List<ManifestView.Scalar> needQuotes = scalars.stream()
                    .filter(s -> s.value().contains("repl{{") || s.value().startsWith("[")).toList();
            assertFalse(needQuotes.isEmpty());
            needQuotes.forEach(s -> assertTrue(s.singleQuoted(), () -> "not single-quoted: " + s));
        }

        @Test
        void referenceExampleLinesReadAsInTheKotsDocs() {
            List<String> lines = Generated
                    .with("chartVersion", "8.7.4", "apiVersion", "kots.io/v1beta1", "scratchMedium", "Memory")
                    .release().text(ReleaseFile.HELMCHART).lines().map(String::strip).toList();
            assertTrue(lines.contains("exclude: '" + DEFAULT_EXCLUDE + "'"), () -> String.join("\n", lines));
            assertTrue(lines.contains("postgresqlPassword: '" + DEFAULT_PASSWORD + "'"), () -> String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(BACKUP_COMMAND + ": '[\"/bin/bash\", \"-c\", \"")
                    && l.endsWith("\"]'")), () -> String.join("\n", lines));
            assertTrue(lines.contains("chartVersion: 8.7.4"), () -> String.join("\n", lines));
            assertTrue(lines.contains("useHelmInstall: true"), () -> String.join("\n", lines));
            assertTrue(lines.contains("medium: Memory"), () -> String.join("\n", lines));
        }

        /**
         * Helm and KOTS read manifests with Go's yaml.v2 (sigs.k8s.io/yaml), a YAML 1.1 reader: a plain
         * {@code y}, {@code no}, {@code on}, {@code 1e3} or {@code 0x1F} becomes a bool or a number in the chart's
         * values. So every string value that such a reader would turn into something else must be quoted.
         */
        @ParameterizedTest
        @ValueSource(strings = { "y", "Y", "n", "N", "yes", "No", "on", "OFF", "true", "False", "null", "NULL", "123",
                "1e3", "1.5", "0x1F", "0o17", "0b101", "1_000", "2024-01-01", "2024-1-1", "2024-01-1", "2024-1-01", "nan",
                "inf" })
        void userAndDatabaseNamesStayStringsForGoYamlReaders(String name) {
            Generated g = Generated.with("username", "u" + name.length(), "database", name, "chartVersion", "16.7.27");
            Generated g2 = Generated.with("username", name, "chartVersion", "8.7.4");
            for (String yaml : List.of(g.release().text(ReleaseFile.HELMCHART), g2.release().text(ReleaseFile.HELMCHART))) {
                ManifestView.scalars(yaml).stream().filter(ManifestView.Scalar::plainString).forEach(s -> assertFalse(
                        GoYamlV2.readsAsNonString(s.value()),
                        () -> "plain scalar a Go YAML reader turns into a non-string: " + s));
            }
            assertEquals(name, string(g.values(), "global", "postgresql", "auth", "database"));
            assertEquals(name, string(g2.values(), "global", "postgresql", "postgresqlUsername"));
        }

        /** KOTS reads a Config item's default and value as bool-or-string: a plain y would become true. */
        @ParameterizedTest
        @ValueSource(strings = { "y", "Y", "n", "N", "yes", "on", "off", "true", "null" })
        void configChoiceNamesStayStringsForGoYamlReaders(String name) {
            Generated g = Generated.with("embeddedValue", name, "externalValue", "ext_" + name);
            ManifestView.scalars(g.release().text(ReleaseFile.CONFIG)).stream().filter(ManifestView.Scalar::plainString)
                    .forEach(s -> assertFalse(
                            GoYamlV2.readsAsNonString(s.value()),
                            () -> "plain scalar a Go YAML reader turns into a non-string: " + s));
            assertTrue(g.release().text(ReleaseFile.CONFIG).contains("default: '" + name + "'"),
                    g.release().text(ReleaseFile.CONFIG));
        }
    }
}
