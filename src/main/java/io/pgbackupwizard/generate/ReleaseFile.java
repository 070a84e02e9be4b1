package io.pgbackupwizard.generate;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.generate.cnpg.OperatorValues;
import io.pgbackupwizard.generate.helm.HelmCliValues;
import io.pgbackupwizard.generate.hooks.StatefulSetPatch;
import io.pgbackupwizard.generate.migrate.MigrationChart;
import io.pgbackupwizard.generate.migrate.MigrationHelmChart;
import io.pgbackupwizard.generate.migrate.MigrationValues;
import io.pgbackupwizard.generate.text.MigrationGuide;
import io.pgbackupwizard.generate.text.NextSteps;
import io.pgbackupwizard.generate.velero.BackupManifest;
import io.pgbackupwizard.generate.velero.DisasterRecoveryManifests;
import io.pgbackupwizard.generate.velero.KurlInstallerManifest;
import io.pgbackupwizard.generate.velero.VeleroExtensionManifest;
import io.pgbackupwizard.generate.velero.VeleroScheduleManifest;
import io.pgbackupwizard.generate.yaml.ManifestYaml;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInput;

/**
 * Every file the wizard serves, named once: URL path, download file name, media type, descriptions, the install
 * paths whose release holds it, and its builder (what it is made from). Downloads, OpenAPI, the help text, the page
 * and the zip read this enum; adding a file is one entry here plus its generator in the room it belongs to.
 */
public enum ReleaseFile {
    STATEFULSET_PATCH("statefulset-patch.yaml", "<name>-statefulset-patch.yaml", "application/yaml",
            "the patch for your StatefulSet",
            "What the hooks add to your PostgreSQL StatefulSet's pod template (Velero's annotations, the scratch volume "
                    + "and its mount, two labels): a strategic-merge patch, or the pieces to paste into your chart.",
            EnumSet.allOf(InstallPath.class), r -> ManifestYaml.dump(StatefulSetPatch.build(r.input(), r.hooks())),
            ChartFamily::ownWorkload),
    HELMCHART("helmchart.yaml", "<name>-helmchart.yaml", "application/yaml", "the HelmChart",
            "The KOTS HelmChart with the hooks, the scratch volume and the credentials.",
            InstallPath.HELM_CHART_PATHS, FamilyBuilders::helmChart, f -> !f.ownWorkload()),
    CONFIG("config.yaml", "config.yaml", "application/yaml", "the KOTS Config",
            "The KOTS Config that defines every option the HelmChart references (on Embedded Cluster v3 also the "
                    + "Backups group the Velero extension reads).", // your own StatefulSet has no Config of its own: only Embedded Cluster v3's storage settings
            InstallPath.HELM_CHART_PATHS, FamilyBuilders::config, f -> true,
            in -> !in.family().ownWorkload() || in.serves(InstallPath.EMBEDDED_V3)),
    BACKUP("backup.yaml", "backup.yaml", "application/yaml", "the Velero Backup",
            "The Velero Backup: KOTS includes the application in snapshots only when the release has one; on "
                    + "Embedded Cluster v2 it is the application's part of a disaster-recovery backup.",
            EnumSet.of(InstallPath.KOTS, InstallPath.KURL, InstallPath.EMBEDDED_V2), r -> backup(r.input())),
    RESTORE("restore.yaml", "restore.yaml", "application/yaml", "the Velero Restore",
            "With the Backup, it turns on Embedded Cluster's disaster recovery for the application; it restores "
                    + "every namespace of the backup.",
            EnumSet.of(InstallPath.EMBEDDED_V2), r -> ManifestYaml.dump(DisasterRecoveryManifests.restore())),
    KURL_INSTALLER("kurl-installer.yaml", "kurl-installer.yaml", "application/yaml", "the kURL velero add-on",
            "The velero add-on to merge into the release's kURL Installer.",
            EnumSet.of(InstallPath.KURL), r -> ManifestYaml.dump(KurlInstallerManifest.build())),
    EMBEDDED_CLUSTER_CONFIG("embedded-cluster-config.yaml", "embedded-cluster-config.yaml", "application/yaml",
            "the Embedded Cluster Velero extension",
            "The Velero extension to merge into the release's Embedded Cluster Config (bundle the Velero chart "
                    + "archive beside it).",
            EnumSet.of(InstallPath.EMBEDDED_V3),
            r -> ManifestYaml.dump(VeleroExtensionManifest.build(r.input(), chartNamespace()))),
    RESTORE_RUNBOOK("restore-runbook.md", "restore-runbook.md", "text/markdown", "the restore runbook",
            "How a customer restores the database from a backup, for your documentation.",
            EnumSet.of(InstallPath.EMBEDDED_V3), FamilyBuilders::restoreRunbook),
    HELM_VALUES("backup-values.yaml", "backup-values.yaml", "application/yaml", "the Helm values",
            "Values to merge into your chart's values.yaml, where the PostgreSQL chart is the dependency named (or aliased) postgresql.",
            EnumSet.of(InstallPath.HELM), FamilyBuilders::helmValues, f -> !f.ownWorkload()),
    HELM_README("backup-readme.md", "backup-readme.md", "text/markdown", "the customer's backup README",
            "What the customer's Velero needs, and how to back up and restore: for your chart's README or NOTES.",
            EnumSet.of(InstallPath.HELM), r -> FamilyBuilders.helmReadme(r, scheduleFileName(r.input()))),
    SCHEDULE("velero-schedule.yaml", "velero-schedule.yaml", "application/yaml", "the Velero Schedule",
            "Optional: a daily Velero Schedule the customer may apply in Velero's namespace.",
            EnumSet.of(InstallPath.HELM),
            r -> ManifestYaml.dump(VeleroScheduleManifest.build(r.input(), HelmCliValues.dependency(r.input()))),
            f -> !f.backsItselfUp()),
    OPERATOR_VALUES("cnpg-operator-values.yaml", "cnpg-operator-values.yaml", "application/yaml",
            "the CloudNativePG operator's values",
            "Values for the CloudNativePG operator chart: the operator copies the cluster's "
                    + "velero.io/exclude-from-backup label onto the pods and volumes it makes, so no Velero backup "
                    + "copies the live database.",
            EnumSet.allOf(InstallPath.class), r -> ManifestYaml.dump(OperatorValues.build()),
            ChartFamily::backsItselfUp),
    APP_VALUES("app-database-values.yaml", "app-database-values.yaml", "application/yaml",
            "your application's database values",
            "Not a manifest: the optionalValues to merge into your own application's HelmChart, so it connects to"
                    + " the embedded or the external PostgreSQL the customer chose.",
            InstallPath.HELM_CHART_PATHS, FamilyBuilders::appValues, f -> !f.ownWorkload()),
    MIGRATION_GUIDE("migration.md", "migration.md", "text/markdown", "the move off Bitnami",
            "How this release moves each customer's data off the Bitnami chart: what runs in which order, what to ship,"
                    + " how to roll back, and the next release that drops the old chart.",
            EnumSet.allOf(InstallPath.class), r -> MigrationGuide.text(r.input()), f -> true, WizardInput::migrating),
    MIGRATION_HELMCHART("migration-helmchart.yaml", "<name>-migration-helmchart.yaml", "application/yaml",
            "the migration chart's HelmChart",
            "The KOTS HelmChart of the migration chart: it copies the data after both PostgreSQL charts are installed"
                    + " and before your application moves.",
            InstallPath.HELM_CHART_PATHS, r -> ManifestYaml.dump(MigrationHelmChart.build(r.input())), f -> true,
            WizardInput::migrating),
    MIGRATION_CHART_YAML("migration-chart.yaml", MigrationChart.FOLDER + "Chart.yaml", "application/yaml",
            "the migration chart's Chart.yaml",
            "The migration chart (package the folder with helm package " + MigrationChart.NAME + ").",
            EnumSet.allOf(InstallPath.class), r -> ManifestYaml.dump(MigrationChart.chartYaml()), f -> true,
            WizardInput::migrating),
    MIGRATION_CHART_VALUES("migration-values.yaml", MigrationChart.FOLDER + "values.yaml", "application/yaml",
            "the migration chart's values.yaml",
            "The migration chart's defaults; its HelmChart sets what to copy where.",
            EnumSet.allOf(InstallPath.class), r -> ManifestYaml.dump(MigrationChart.defaultValues()), f -> true,
            WizardInput::migrating),
    MIGRATION_TEMPLATE("migration-template.yaml", MigrationChart.FOLDER + "templates/copy.yaml", "text/plain",
            "the migration chart's Job",
            "The migration chart's template: the copy script's ConfigMap and the hook Job that runs it.",
            EnumSet.allOf(InstallPath.class), r -> MigrationChart.template(), f -> true, WizardInput::migrating),
    MIGRATION_SCRIPT("migration-script.sh", MigrationChart.FOLDER + MigrationChart.SCRIPT_FILE, "text/plain",
            "the copy script",
            "What the Job runs: waits for both servers, makes the old database read-only, copies roles and data in"
                    + " one transaction, checks every table, and marks the copy done.",
            EnumSet.allOf(InstallPath.class), r -> MigrationChart.script(), f -> true, WizardInput::migrating),
    MIGRATION_HELM_VALUES("migration-helm-values.yaml", "migration-helm-values.yaml", "application/yaml",
            "the migration chart's Helm values",
            "Values to merge into your chart's values.yaml beside its dependency " + MigrationValues.DEPENDENCY
                    + ": the copy as a pre-upgrade hook, from the Bitnami dependency to the new one.",
            EnumSet.of(InstallPath.HELM), r -> ManifestYaml.dump(MigrationValues.helm(r.input())), f -> true,
            WizardInput::migrating),
    README("readme.txt", "README.txt", "text/plain", "what to do next",
            "What to do with these files on this install path: where they go, what to turn on, how to test a backup.",
            EnumSet.allOf(InstallPath.class), r -> NextSteps.readme(r.input())),
    BUNDLE("bundle.zip", "<name>-<installPath>-release.zip", "application/zip", "all the files in one zip",
            "Every file of the release in one zip, ready to unpack into the release directory.",
            EnumSet.allOf(InstallPath.class), null);

    private final String path;
    private final String fileNamePattern;
    private final String mediaType;
    private final String title;
    private final String description;
    private final Set<InstallPath> installPaths;
    /** Makes the file's text from the release's input and hooks; null for the zip, which packs the others. */
    private final Function<Release, String> builder;

    /** The chart families whose releases hold this file. */
    private final Predicate<ChartFamily> families;

    /**
     * The inputs whose releases hold this file besides (the move off Bitnami's files: only when moving; the Config of
     * your own StatefulSet: only for Embedded Cluster v3's storage).
     */
    private final Predicate<WizardInput> inputs;

    ReleaseFile(String path, String fileNamePattern, String mediaType, String title, String description,
            Set<InstallPath> installPaths, Function<Release, String> builder) {
        this(path, fileNamePattern, mediaType, title, description, installPaths, builder, f -> true);
    }

    ReleaseFile(String path, String fileNamePattern, String mediaType, String title, String description,
            Set<InstallPath> installPaths, Function<Release, String> builder, Predicate<ChartFamily> families) {
        this(path, fileNamePattern, mediaType, title, description, installPaths, builder, families, in -> true);
    }

    ReleaseFile(String path, String fileNamePattern, String mediaType, String title, String description,
            Set<InstallPath> installPaths, Function<Release, String> builder, Predicate<ChartFamily> families,
            Predicate<WizardInput> inputs) {
        this.families = families;
        this.inputs = inputs;
        this.path = path;
        this.fileNamePattern = fileNamePattern;
        this.mediaType = mediaType;
        this.title = title;
        this.description = description;
        this.installPaths = installPaths;
        this.builder = builder;
    }

    /** The URL path without its leading '/'. */
    public String path() {
        return path;
    }

    /**
     * The download's file name, with {@code <name>} standing for the HelmChart name and {@code <installPath>} for the
     * paths ("kots", or "kots+helm" for a release that serves both).
     */
    public String fileNamePattern() {
        return fileNamePattern;
    }

    public String mediaType() {
        return mediaType;
    }

    /** A few words: "the HelmChart". */
    public String title() {
        return title;
    }

    /** One or two sentences: what the file is for. */
    public String description() {
        return description;
    }

    /**
     * Whether the release of this input lists this file (in the zip, the page's tabs, the API's files): one of its
     * install paths has it, and its chart family does.
     */
    public boolean inReleaseOf(WizardInput in) {
        return isText() && forFamily(in.family()) && inputs.test(in)
                && in.installPaths().stream().anyMatch(installPaths::contains);
    }

    /** Whether releases for this chart family ever hold this file. */
    public boolean forFamily(ChartFamily family) {
        return families.test(family);
    }

    /**
     * Whether it downloads for this input: its release's files, and on every path the HelmChart and the Config (what
     * the wizard is named for, and what scripts fetch; not for your own StatefulSet, which has neither) and the zip.
     */
    public boolean servedFor(WizardInput in) {
        if (!isText())
            return true;
        return inReleaseOf(in) || (this == HELMCHART || this == CONFIG) && !in.family().ownWorkload();
    }

    public String fileName(WizardInput in) {
        return fileNamePattern.replace("<name>", in.name()).replace("<installPath>",
                in.installPaths().stream().map(InstallPath::value).collect(Collectors.joining("+")));
    }

    /** The file's text; the zip has none (its bytes come from {@link Release#bytes}). */
    String build(Release release) {
        if (builder == null)
            throw new IllegalStateException(this + " is not a text file");
        return builder.apply(release);
    }

    /** A text file (every file but the zip). */
    public boolean isText() {
        return builder != null;
    }

    /** The KOTS Backup has no input: one text serves everyone. */
    private static final String KOTS_BACKUP = ManifestYaml.dump(BackupManifest.build());

    /**
     * Where the chart goes: the wizard writes no HelmChart spec.namespace, so the admin console's namespace. The
     * generators take another one (BackupManifest.kots, DisasterRecoveryManifests.backup) for when it gets a parameter.
     */
    private static Optional<String> chartNamespace() {
        return Optional.empty();
    }

    /** The Helm CLI README names the Schedule's file (a method: enum constants cannot name each other's fields). */
    private static String scheduleFileName(WizardInput in) {
        return SCHEDULE.fileName(in);
    }

    /**
     * The one Backup of the release (asked only when a path that lists BACKUP is chosen). Embedded Cluster v2's
     * (the app's namespaces, the admin console left out by a labelSelector) is one KOTS and kURL snapshots accept too:
     * full backups drop the selector, partial ones merge theirs into it. Without it, the bare Backup KOTS needs.
     */
    private static String backup(WizardInput in) {
        return in.serves(InstallPath.EMBEDDED_V2) ? ManifestYaml.dump(DisasterRecoveryManifests.backup(chartNamespace()))
                : KOTS_BACKUP;
    }

    public static Optional<ReleaseFile> byPath(String path) {
        return Arrays.stream(values()).filter(o -> o.path.equals(path)).findFirst();
    }

    /** The files of this input's release, in the order a release lists them. */
    public static List<ReleaseFile> releaseFiles(WizardInput in) {
        return Arrays.stream(values()).filter(o -> o.inReleaseOf(in)).toList();
    }
}
