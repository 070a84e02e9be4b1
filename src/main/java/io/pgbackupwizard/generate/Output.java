package io.pgbackupwizard.generate;

import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every file the wizard serves, named once: URL path, download file name, media type, descriptions and
 * how to make it from a {@link Release}. Downloads, OpenAPI, the help text, the page and the zip read this enum;
 * adding an output is one entry here plus its generator.
 */
public enum Output {
    HELMCHART("helmchart.yaml", "<name>-helmchart.yaml", "application/yaml", "the HelmChart",
            "The KOTS HelmChart with the hooks, the scratch volume and the credentials.",
            InstallPath.HELM_CHART_PATHS, Release::helmChart),
    CONFIG("config.yaml", "config.yaml", "application/yaml", "the KOTS Config",
            "The KOTS Config that defines every option the HelmChart references (on Embedded Cluster v3 also the "
                    + "Backups group the Velero extension reads).",
            InstallPath.HELM_CHART_PATHS, Release::config),
    BACKUP("backup.yaml", "backup.yaml", "application/yaml", "the Velero Backup",
            "The Velero Backup: KOTS includes the application in snapshots only when the release has one; on "
                    + "Embedded Cluster v2 it is the application's part of a disaster-recovery backup.",
            EnumSet.of(InstallPath.KOTS, InstallPath.KURL, InstallPath.EMBEDDED_V2), Release::backup),
    RESTORE("restore.yaml", "restore.yaml", "application/yaml", "the Velero Restore",
            "With the Backup, it turns on Embedded Cluster's disaster recovery for the application; it restores "
                    + "every namespace of the backup.",
            EnumSet.of(InstallPath.EMBEDDED_V2), Release::restore),
    KURL_INSTALLER("kurl-installer.yaml", "kurl-installer.yaml", "application/yaml", "the kURL velero add-on",
            "The velero add-on to merge into the release's kURL Installer.",
            EnumSet.of(InstallPath.KURL), Release::kurlInstaller),
    EMBEDDED_CLUSTER_CONFIG("embedded-cluster-config.yaml", "embedded-cluster-config.yaml", "application/yaml",
            "the Embedded Cluster Velero extension",
            "The Velero extension to merge into the release's Embedded Cluster Config (bundle the Velero chart "
                    + "archive beside it).",
            EnumSet.of(InstallPath.EMBEDDED_V3), Release::embeddedClusterConfig),
    RESTORE_RUNBOOK("restore-runbook.md", "restore-runbook.md", "text/markdown", "the restore runbook",
            "How a customer restores the database from a backup, for your documentation.",
            EnumSet.of(InstallPath.EMBEDDED_V3), Release::restoreRunbook),
    HELM_VALUES("backup-values.yaml", "backup-values.yaml", "application/yaml", "the Helm values",
            "Values to merge into your chart's values.yaml, where the Bitnami chart is the dependency named postgresql.",
            EnumSet.of(InstallPath.HELM), Release::helmValues),
    HELM_README("backup-readme.md", "backup-readme.md", "text/markdown", "the customer's backup README",
            "What the customer's Velero needs, and how to back up and restore: for your chart's README or NOTES.",
            EnumSet.of(InstallPath.HELM), Release::helmReadme),
    SCHEDULE("velero-schedule.yaml", "velero-schedule.yaml", "application/yaml", "the Velero Schedule",
            "Optional: a daily Velero Schedule the customer may apply in Velero's namespace.",
            EnumSet.of(InstallPath.HELM), Release::schedule),
    APP_VALUES("app-database-values.yaml", "app-database-values.yaml", "application/yaml",
            "your application's database values",
            "Not a manifest: the optionalValues to merge into your own application's HelmChart, so it connects to"
                    + " the embedded or the external PostgreSQL the customer chose.",
            InstallPath.HELM_CHART_PATHS, Release::appValues),
    README("readme.txt", "README.txt", "text/plain", "what to do next",
            "What to do with these files on this install path: where they go, what to turn on, how to test a backup.",
            EnumSet.allOf(InstallPath.class), Release::readme),
    BUNDLE("bundle.zip", "<name>-<installPath>-release.zip", "application/zip", "all the files in one zip",
            "Every file of the release in one zip, ready to unpack into the release directory.",
            EnumSet.allOf(InstallPath.class), ReleaseZip::bytes);

    private final String path;
    private final String fileNamePattern;
    private final String mediaType;
    private final String title;
    private final String description;
    private final Set<InstallPath> installPaths;
    private final Function<Release, ?> content;

    Output(String path, String fileNamePattern, String mediaType, String title, String description,
            Set<InstallPath> installPaths, Function<Release, ?> content) {
        this.path = path;
        this.fileNamePattern = fileNamePattern;
        this.mediaType = mediaType;
        this.title = title;
        this.description = description;
        this.installPaths = installPaths;
        this.content = content;
    }

    /** The URL path without its leading '/'. */
    public String path() { return path; }
    /** The download's file name, with {@code <name>} standing for the HelmChart name and {@code <installPath>} for the path. */
    public String fileNamePattern() { return fileNamePattern; }
    public String mediaType() { return mediaType; }
    /** A few words: "the HelmChart". */
    public String title() { return title; }
    /** One or two sentences: what the file is for. */
    public String description() { return description; }
    /** A file of the release itself (listed in the zip and the API's files), rather than a package of them. */
    public boolean inRelease() { return this != BUNDLE; }

    /** Whether a release for this install path has this output. */
    public boolean inReleaseOf(InstallPath path) { return inRelease() && installPaths.contains(path); }

    /**
     * Whether it downloads for this install path: the path's own files, and on every path the HelmChart and the
     * Config (what the wizard is named for, and what scripts fetch) and the zip.
     */
    public boolean servedFor(InstallPath path) {
        return installPaths.contains(path) || this == HELMCHART || this == CONFIG;
    }

    public String fileName(WizardInput in) {
        return fileNamePattern.replace("<name>", in.name()).replace("<installPath>", in.installPath().value());
    }

    /** The file's content: a String (UTF-8 text) or a byte[]. */
    public Object content(Release release) {
        return content.apply(release);
    }

    public byte[] bytes(Release release) {
        Object c = content(release);
        return c instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) c;
    }

    public static Optional<Output> byPath(String path) {
        return Arrays.stream(values()).filter(o -> o.path.equals(path)).findFirst();
    }

    /** The files of a release for this install path, in the order a release lists them. */
    public static List<Output> releaseFiles(InstallPath path) {
        return Arrays.stream(values()).filter(o -> o.inReleaseOf(path)).toList();
    }
}
