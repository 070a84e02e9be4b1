package io.pgbackupwizard.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.testsupport.TestInputs;
import io.pgbackupwizard.testsupport.TextFiles;

/**
 * Real-world-style HelmCharts (src/test/resources/doctor/): the 2020 docs page as scraped, the reference example of the
 * facts sheet, the current Replicated example, a clean 2026 file, and variants of it with ONE pitfall each. Every
 * expected finding is asserted (rule, severity, YAML path, line); nothing else above warning may appear.
 */
class DoctorCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/doctor");
    static final String BACKUP = "spec.values.primary.podAnnotations[\"pre.hook.backup.velero.io/command\"]";
    static final String RESTORE = "spec.values.primary.podAnnotations[\"post.hook.restore.velero.io/command\"]";
    static final String ANNOTATIONS = "spec.values.primary.podAnnotations";
    static final String TOP = "spec.values.podAnnotations";
    static final String MASTER_ANNOTATIONS = "spec.values.master.podAnnotations";
    static final String MASTER_BACKUP = "spec.values.master.podAnnotations[\"pre.hook.backup.velero.io/command\"]";

    /** file -> every finding above warning, as "RULE SEVERITY path Lline". */
    static final Map<String, List<String>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("clean-17.1.0-v1beta2.yaml", List.of()),
            // The CloudPirates chart (the wizard's own file, and Bitnami habits carried over to it)
            Map.entry("cloudpirates-clean-0.20.1.yaml", List.of()),
            // groundhog2k: no extra volumes, so a scratch of its own is a habit that breaks the backup
            Map.entry("groundhog2k-clean-1.6.7.yaml", List.of()),
            Map.entry("groundhog2k-extra-volumes.yaml", List.of(
                    "BACKUP_VOLUME_NOT_FOUND BREAKS_BACKUP " + TOP + "[\"backup.velero.io/backup-volumes\"] L13")),
            // A CloudNativePG cluster chart: only its own rule applies; hooks there break restores
            Map.entry("cnpg-cluster-barman.yaml", List.of()),
            Map.entry("cnpg-cluster-in-tree-barman.yaml", List.of()),
            Map.entry("cnpg-cluster-with-hooks.yaml", List.of("HOOKS_ON_OPERATOR_CLUSTER BREAKS_RESTORE "
                    + "spec.values.cluster.annotations[\"pre.hook.backup.velero.io/container\"] L15")),
            Map.entry("cloudpirates-container-postgresql.yaml", List.of(
                    "WRONG_HOOK_CONTAINER BREAKS_BACKUP " + TOP + "[\"pre.hook.backup.velero.io/container\"] L15",
                    "WRONG_HOOK_CONTAINER BREAKS_RESTORE " + TOP + "[\"post.hook.restore.velero.io/container\"] L19")),
            Map.entry("cloudpirates-pod-key-primary.yaml", List.of("WRONG_POD_KEY BREAKS_BACKUP spec.values.primary L12")),
            Map.entry("cloudpirates-global-auth.yaml",
                    List.of("WRONG_CREDENTIAL_KEYS BREAKS_BACKUP spec.values.global.postgresql.auth L34")),
            Map.entry("cloudpirates-bitnami-superuser.yaml", List.of(
                    "PGPASSWORD_UNSET_VARIABLE BREAKS_BACKUP " + TOP + "[\"pre.hook.backup.velero.io/command\"] L16",
                    "PGPASSWORD_UNSET_VARIABLE BREAKS_RESTORE " + TOP + "[\"post.hook.restore.velero.io/command\"] L20")),
            Map.entry("clean-17.1.0-v1beta1.yaml", List.of()),
            // A move off Bitnami: the Bitnami chart, the one it moves to and the migration chart, sent together
            Map.entry("migration-in-progress.yaml", List.of()),
            Map.entry("migration-half-done.yaml", List.of("MIGRATION_HALF_DONE BREAKS_INSTALL spec.chart.name L8")),
            Map.entry("migration-source-gone.yaml",
                    List.of("MIGRATION_SOURCE_GONE BREAKS_INSTALL spec.chart.name L68")),
            Map.entry("migration-out-of-order.yaml", List.of("MIGRATION_OUT_OF_ORDER BREAKS_INSTALL spec L142")),
            Map.entry("seed-2020-as-scraped.yaml", List.of(
                    "V1BETA1_NO_HELM_INSTALL BREAKS_INSTALL spec L6",
                    "IMAGE_NOT_PULLABLE BREAKS_INSTALL spec.values L11",
                    "NO_ON_ERROR BREAKS_BACKUP " + MASTER_ANNOTATIONS + " L13",
                    "NO_HOOK_CONTAINER BREAKS_BACKUP " + MASTER_ANNOTATIONS + " L13",
                    "CLIENT_OPTION_WITHOUT_VALUE BREAKS_BACKUP " + MASTER_BACKUP + " L15")),
            Map.entry("reference-example-2020.yaml", List.of(
                    "V1BETA1_NO_HELM_INSTALL BREAKS_INSTALL spec L6",
                    "IMAGE_NOT_PULLABLE BREAKS_INSTALL spec.values L11",
                    "NO_ON_ERROR BREAKS_BACKUP " + MASTER_ANNOTATIONS + " L13",
                    "NO_HOOK_CONTAINER BREAKS_BACKUP " + MASTER_ANNOTATIONS + " L13")),
            Map.entry("replicated-current-2024.yaml", List.of(
                    "V1BETA2_NO_BUILDER BREAKS_INSTALL spec L6",
                    "V1BETA2_NO_LOCAL_REGISTRY BREAKS_INSTALL spec L6",
                    "IMAGE_NOT_PULLABLE BREAKS_INSTALL spec.values L11",
                    "NO_ON_ERROR BREAKS_BACKUP " + MASTER_ANNOTATIONS + " L13",
                    "NO_HOOK_CONTAINER BREAKS_BACKUP " + MASTER_ANNOTATIONS + " L13",
                    "NO_HOOK_CONTAINER BREAKS_RESTORE " + MASTER_ANNOTATIONS + " L13",
                    "NO_WAIT_FOR_READY BREAKS_RESTORE " + MASTER_ANNOTATIONS + " L13")),
            Map.entry("one-chart8-pod-labels.yaml", List.of(
                    "CHART8_POD_LABELS BREAKS_INSTALL spec.optionalValues[0].values.master.podLabels L50")),
            Map.entry("one-dump-format-mismatch.yaml", List.of(
                    "DUMP_FORMAT_MISMATCH BREAKS_RESTORE " + ANNOTATIONS + "[\"post.hook.restore.velero.io/command\"] L31")),
            Map.entry("one-backup-volume-missing.yaml", List.of(
                    "BACKUP_VOLUME_NOT_FOUND BREAKS_BACKUP " + ANNOTATIONS + "[\"backup.velero.io/backup-volumes\"] L24")),
            Map.entry("one-backup-volumes-space.yaml", List.of(
                    "BACKUP_VOLUMES_SPACES BREAKS_BACKUP " + ANNOTATIONS + "[\"backup.velero.io/backup-volumes\"] L24")),
            Map.entry("one-clear-password.yaml", List.of()),
            Map.entry("one-config-option-undefined.yaml", List.of(
                    "CONFIG_OPTION_UNDEFINED BREAKS_INSTALL spec.values.global.postgresql.auth.password L20")),
            Map.entry("one-credentials-old-keys.yaml", List.of(
                    "WRONG_CREDENTIAL_KEYS BREAKS_BACKUP spec.values.global.postgresql.postgresqlUsername L18",
                    "WRONG_CREDENTIAL_KEYS BREAKS_BACKUP spec.values.global.postgresql.postgresqlPassword L19",
                    "WRONG_CREDENTIAL_KEYS BREAKS_BACKUP spec.values.global.postgresql.postgresqlDatabase L20")),
            Map.entry("one-default-image.yaml", List.of("IMAGE_NOT_PULLABLE BREAKS_INSTALL spec.values L10")),
            Map.entry("one-dump-outside-volume.yaml", List.of("DUMP_NOT_IN_VOLUME BREAKS_BACKUP " + BACKUP + " L26")),
            Map.entry("one-hook-invalid-json.yaml", List.of("HOOK_INVALID_JSON BREAKS_BACKUP " + BACKUP + " L26")),
            Map.entry("one-hook-not-json-array.yaml", List.of("HOOK_NOT_JSON_ARRAY BREAKS_BACKUP " + BACKUP + " L26")),
            Map.entry("one-hook-variables-without-shell.yaml",
                    List.of("HOOK_VARIABLES_WITHOUT_SHELL BREAKS_BACKUP " + BACKUP + " L26")),
            Map.entry("one-memory-scratch.yaml", List.of(
                    "MEMORY_SCRATCH_OVER_LIMIT BREAKS_BACKUP spec.values.primary.extraVolumes[0].emptyDir.medium L37")),
            Map.entry("one-no-hook-container.yaml", List.of("NO_HOOK_CONTAINER BREAKS_BACKUP " + ANNOTATIONS + " L23")),
            Map.entry("one-no-on-error.yaml", List.of("NO_ON_ERROR BREAKS_BACKUP " + ANNOTATIONS + " L23")),
            Map.entry("one-no-wait-for-ready.yaml", List.of("NO_WAIT_FOR_READY BREAKS_RESTORE " + ANNOTATIONS + " L23")),
            Map.entry("one-password-variable-unset.yaml",
                    List.of("PGPASSWORD_UNSET_VARIABLE BREAKS_BACKUP " + BACKUP + " L26")),
            Map.entry("one-pg-dump-without-user.yaml", List.of("CLIENT_NO_USER BREAKS_BACKUP " + BACKUP + " L26")),
            Map.entry("one-pg-isready-without-user.yaml", List.of("CLIENT_NO_USER BREAKS_RESTORE " + RESTORE + " L30")),
            Map.entry("one-pod-key-master.yaml", List.of("WRONG_POD_KEY BREAKS_BACKUP spec.values.master L22")),
            Map.entry("one-port-changed.yaml", List.of("CLIENT_NO_PORT BREAKS_BACKUP " + BACKUP + " L28")),
            Map.entry("one-relocated-without-allow-insecure.yaml",
                    List.of("IMAGE_CHECK_FAILS BREAKS_INSTALL spec.values.image L11")),
            Map.entry("one-restore-timeout-key.yaml", List.of(
                    "UNKNOWN_VELERO_KEY BREAKS_RESTORE " + ANNOTATIONS + "[\"post.hook.restore.velero.io/timeout\"] L33")),
            Map.entry("one-template-single-quotes.yaml", List.of("TEMPLATE_SINGLE_QUOTES BREAKS_INSTALL spec.exclude L6")),
            Map.entry("one-timeout-bare-number.yaml", List.of(
                    "ANNOTATION_NOT_STRING BREAKS_INSTALL " + ANNOTATIONS + "[\"pre.hook.backup.velero.io/timeout\"] L27",
                    "BAD_DURATION BREAKS_BACKUP " + ANNOTATIONS + "[\"pre.hook.backup.velero.io/timeout\"] L27")),
            Map.entry("one-timeout-quoted-number.yaml", List.of(
                    "BAD_DURATION BREAKS_BACKUP " + ANNOTATIONS + "[\"pre.hook.backup.velero.io/timeout\"] L27")),
            Map.entry("one-v1beta1-without-helm-install.yaml", List.of("V1BETA1_NO_HELM_INSTALL BREAKS_INSTALL spec L5")),
            Map.entry("one-v1beta2-without-builder.yaml", List.of("V1BETA2_NO_BUILDER BREAKS_INSTALL spec L5")),
            Map.entry("one-v1beta2-without-labels.yaml",
                    List.of("V1BETA2_NO_SNAPSHOT_LABELS BREAKS_BACKUP spec.values.primary L22")),
            Map.entry("one-v1beta2-without-local-registry.yaml", List.of("V1BETA2_NO_LOCAL_REGISTRY BREAKS_INSTALL spec L5"))));

    /** Warnings that must be there too (warnings not listed are allowed). */
    static final Map<String, List<String>> EXPECTED_WARNINGS = Map.of(
            "cnpg-cluster-barman.yaml", List.of("OPERATOR_CLUSTER_IN_VELERO WARNING spec.chart.name L7"),
            // the chart's default method, the in-tree barmanObjectStore that CloudNativePG 1.31 removes
            "cnpg-cluster-in-tree-barman.yaml", List.of("OPERATOR_CLUSTER_NOT_BACKED_UP WARNING spec.values.backups L15"),
            "one-clear-password.yaml", List.of("CLEAR_PASSWORD WARNING spec.values.global.postgresql.auth.password L20"),
            "seed-2020-as-scraped.yaml",
            List.of("MEMORY_SCRATCH WARNING spec.values.master.extraVolumes[0].emptyDir.medium L20",
                    "NO_RESTORE_HOOK WARNING " + MASTER_ANNOTATIONS + "[\"post.hook.restore.velero.io/command\"] L13"),
            "reference-example-2020.yaml", List.of("CLIENT_NO_PORT WARNING " + MASTER_BACKUP + " L15"),
            // chart 8.x cannot label its pod: with v1beta2 nothing in the file can fix that (the wizard warns the same)
            "replicated-current-2024.yaml", List.of("V1BETA2_POD_UNLABELLED WARNING spec.values.master L12"));

    static DoctorReport check(String file) {
        String config = file.contains("config") ? TextFiles.read(CORPUS.resolve("config.yaml")) : null;
        return Doctor.check(TextFiles.read(CORPUS.resolve(file)), config);
    }

    static String describe(Finding f) {
        return f.rule() + " " + f.severity() + " " + f.path() + " L" + f.line();
    }

    static Stream<String> files() {
        return EXPECTED.keySet().stream();
    }

    @Test
    void everyCorpusFileHasExpectations() throws Exception {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("config.yaml")).sorted()
                    .toList();
            assertEquals(names, List.copyOf(EXPECTED.keySet()));
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void findsExactlyTheExpectedPitfalls(String file) {
        DoctorReport report = check(file);
        List<String> above = report.findings().stream().filter(f -> f.severity().aboveWarning())
                .map(DoctorCorpusTest::describe).sorted().toList();
        assertEquals(EXPECTED.get(file).stream().sorted().toList(), above, file);
        List<String> all = report.findings().stream().map(DoctorCorpusTest::describe).toList();
        for (String w : EXPECTED_WARNINGS.getOrDefault(file, List.of()))
            assertTrue(all.contains(w), file + " lacks " + w + ": " + all);
        for (Finding f : report.findings()) {
            assertTrue(f.problem().length() > 30 && f.fix().length() > 10, "says what goes wrong and the fix: " + f);
        }
    }

    @Test
    void theScrapedPageItselfIsRejectedWithAClearMessage() {
        String scraped = TestInputs.read("seed/configuring-backup-hooks.txt");
        ManifestRejected e = assertThrows(ManifestRejected.class, () -> Doctor.check(scraped, null));
        assertTrue(e.getMessage().startsWith("manifest: "), e.getMessage());
        assertTrue(!e.tooLarge());
    }

    /**
     * "Open in the wizard" keeps the file's values; where a finding flagged one of them, the report names it, and the
     * link "with fixes" leaves it to the wizard: the HelmChart the wizard writes for that link, checked again, has
     * none of those findings. Across the corpus, so each kind of kept value is met at least once.
     */
    @Test
    void keptFlaggedValuesAreNamedAndTheLinkWithFixesDropsThem() {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (String file : EXPECTED.keySet()) {
            DoctorReport r = check(file);
            if (r.keptFlagged().isEmpty()) {
                assertEquals("", r.wizardQueryWithFixes(), file);
                continue;
            }
            java.util.Set<String> rules = new java.util.HashSet<>();
            for (WizardPrefill.Kept k : r.keptFlagged()) {
                assertEquals(k.value(), r.wizardParams().get(k.param()), file + ": the link keeps " + k);
                assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals(k.rule())), file + ": " + k);
                assertTrue(!r.wizardQueryWithFixes().contains(k.param() + "="), file + ": " + r.wizardQueryWithFixes());
                rules.add(k.rule());
                seen.add(k.rule());
            }
            var params = new java.util.LinkedHashMap<String, List<String>>();
            for (String pair : r.wizardQueryWithFixes().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], List.of(java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8)));
            }
            var parsed = new io.pgbackupwizard.model.WizardInputParser().parse(params);
            assertTrue(parsed.ok(), () -> file + ": " + parsed.errors());
            String fixed = io.pgbackupwizard.generate.Release.of(parsed.input())
                    .text(io.pgbackupwizard.generate.ReleaseFile.HELMCHART);
            List<String> again = Doctor.check(fixed, null).findings().stream().map(Finding::rule).filter(rules::contains)
                    .toList();
            assertEquals(List.of(), again, file + ": the wizard's file for the link with fixes");
        }
        assertEquals(WizardPrefill.FLAGGED_VALUES.keySet(), seen, "every kind met in the corpus");
    }

    /** Each finding id the prefill maps to parameters is one a rule reports. */
    @Test
    void flaggedValueIdsAreRealFindingIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        Doctor.RULES.forEach(rule -> ids.addAll(rule.findings()));
        assertTrue(ids.containsAll(WizardPrefill.FLAGGED_VALUES.keySet()),
                () -> "unknown: " + WizardPrefill.FLAGGED_VALUES.keySet());
    }

    @Test
    void readsTheWizardParametersFromTheSeed() {
        DoctorReport r = check("seed-2020-as-scraped.yaml");
        assertEquals("8.7.4", r.wizardParams().get("chartVersion"));
        assertEquals("kots.io/v1beta1", r.wizardParams().get("apiVersion"));
        assertEquals("embedded_postgres_password", r.wizardParams().get("passwordOption"));
        assertEquals("Memory", r.wizardParams().get("scratchMedium"));
        assertEquals("3m", r.wizardParams().get("hookTimeout"));
        assertEquals("false", r.wizardParams().get("restoreHook"));
        assertTrue(r.diff().startsWith("--- your HelmChart\n+++ wizard\n@@ "), r.diff());
        assertTrue(r.diff().contains("\n--h > /scratch/backup.sql") || r.diff().contains("-h > /scratch"), r.diff());
    }
}
