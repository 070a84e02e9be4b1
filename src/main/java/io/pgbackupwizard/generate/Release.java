package io.pgbackupwizard.generate;

import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything generated for one input: the files its install path needs and the hook commands they carry.
 * Each manifest is emitted when first asked for: a download needs one of them, the page all of them.
 * One instance serves one request; nothing here outlives it.
 */
public final class Release {

    public static final String CONFIG_FILE = "config.yaml";
    public static final String BACKUP_FILE = "backup.yaml";
    public static final String RESTORE_FILE = "restore.yaml";
    public static final String KURL_INSTALLER_FILE = "kurl-installer.yaml";
    public static final String EMBEDDED_CLUSTER_CONFIG_FILE = "embedded-cluster-config.yaml";
    public static final String RESTORE_RUNBOOK_FILE = "restore-runbook.md";
    public static final String HELM_VALUES_FILE = "backup-values.yaml";
    public static final String HELM_README_FILE = "backup-readme.md";
    public static final String SCHEDULE_FILE = "velero-schedule.yaml";

    /** The KOTS Backup has no input: one text serves everyone. */
    private static final String KOTS_BACKUP = ManifestYaml.dump(BackupManifest.build());

    /**
     * Where the chart goes: the wizard writes no HelmChart spec.namespace, so the admin console's namespace. The
     * generators take another one (BackupManifest.kots, DisasterRecoveryManifests.backup) for when it gets a parameter.
     */
    private static final Optional<String> CHART_NAMESPACE = Optional.empty();

    private final WizardInput input;
    private final HookAnnotations hooks;
    private String helmChart;
    private String config;

    private Release(WizardInput input, HookAnnotations hooks) {
        this.input = input;
        this.hooks = hooks;
    }

    public static Release of(WizardInput in) {
        return new Release(in, HookAnnotations.of(in));
    }

    public WizardInput input() {
        return input;
    }

    public HookAnnotations hooks() {
        return hooks;
    }

    public InstallPath installPath() {
        return input.installPath();
    }

    public String helmChart() {
        if (helmChart == null) helmChart = ManifestYaml.dump(HelmChartManifest.build(input, hooks));
        return helmChart;
    }

    public String config() {
        if (config == null) config = ManifestYaml.dump(ConfigManifest.build(input));
        return config;
    }

    /** The path's Velero Backup, or null when it has none (Embedded Cluster v3, Helm CLI). */
    public String backup() {
        return switch (input.installPath()) {
            case KOTS, KURL -> KOTS_BACKUP;
            case EMBEDDED_V2 -> ManifestYaml.dump(DisasterRecoveryManifests.backup(CHART_NAMESPACE));
            case EMBEDDED_V3, HELM -> null;
        };
    }

    public String helmChartFileName() {
        return input.name() + "-helmchart.yaml";
    }

    /** The files of the install path, in the order a release lists them. */
    public List<ReleaseFile> releaseFiles() {
        List<ReleaseFile> files = new ArrayList<>();
        InstallPath path = input.installPath();
        if (path.usesHelmChart()) {
            files.add(new ReleaseFile(helmChartFileName(), "helmchart.yaml",
                    "The HelmChart with the hooks, the scratch volume and the credentials.", helmChart()));
            files.add(new ReleaseFile(CONFIG_FILE, CONFIG_FILE, path == InstallPath.EMBEDDED_V3
                    ? "The Config that defines every option the HelmChart references, and the Backups group the Velero extension reads."
                    : "The Config that defines every option the HelmChart references.", config()));
        }
        switch (path) {
            case KOTS, KURL -> files.add(new ReleaseFile(BACKUP_FILE, BACKUP_FILE,
                    "KOTS includes the application in snapshots only when the release has a Velero Backup; an empty spec is enough.",
                    backup()));
            case EMBEDDED_V2 -> {
                files.add(new ReleaseFile(BACKUP_FILE, BACKUP_FILE,
                        "The application's part of a disaster-recovery backup: its namespaces, without the admin console's own resources.",
                        backup()));
                files.add(new ReleaseFile(RESTORE_FILE, RESTORE_FILE,
                        "With the Backup, it turns on Embedded Cluster's disaster recovery for the application; it restores every namespace of the backup.",
                        ManifestYaml.dump(DisasterRecoveryManifests.restore())));
            }
            default -> { }
        }
        switch (path) {
            case KURL -> files.add(new ReleaseFile(KURL_INSTALLER_FILE, KURL_INSTALLER_FILE,
                    "The velero add-on to merge into the release's kURL Installer.",
                    ManifestYaml.dump(KurlInstallerManifest.build())));
            case EMBEDDED_V3 -> {
                files.add(new ReleaseFile(EMBEDDED_CLUSTER_CONFIG_FILE, EMBEDDED_CLUSTER_CONFIG_FILE,
                        "The Velero extension to merge into the release's Embedded Cluster Config (bundle velero-"
                                + VeleroVersions.CHART_VERSION + ".tgz beside it).",
                        ManifestYaml.dump(VeleroExtensionManifest.build(input, CHART_NAMESPACE))));
                files.add(new ReleaseFile(RESTORE_RUNBOOK_FILE, RESTORE_RUNBOOK_FILE,
                        "How a customer restores the database from a backup, for your documentation.",
                        RestoreRunbook.text(input)));
            }
            case HELM -> {
                files.add(new ReleaseFile(HELM_VALUES_FILE, HELM_VALUES_FILE,
                        "Values to merge into your chart's values.yaml, where the Bitnami chart is the dependency named postgresql.",
                        ManifestYaml.dump(HelmCliValues.build(input, hooks))));
                files.add(new ReleaseFile(HELM_README_FILE, HELM_README_FILE,
                        "What the customer's Velero needs, and how to back up and restore: for your chart's README or NOTES.",
                        HelmCliReadme.text(input, SCHEDULE_FILE)));
                files.add(new ReleaseFile(SCHEDULE_FILE, SCHEDULE_FILE,
                        "Optional: a daily Velero Schedule the customer may apply in Velero's namespace.",
                        ManifestYaml.dump(VeleroScheduleManifest.build(input))));
            }
            default -> { }
        }
        return files;
    }

    /** File name -> content, in the order a release lists them. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        for (ReleaseFile f : releaseFiles()) files.put(f.name(), f.content());
        return files;
    }

    /** The file downloaded from /{download}, if this install path has one. */
    public Optional<ReleaseFile> file(String download) {
        return releaseFiles().stream().filter(f -> f.download().equals(download)).findFirst();
    }
}
