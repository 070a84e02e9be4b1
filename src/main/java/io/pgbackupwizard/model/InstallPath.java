package io.pgbackupwizard.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the vendor's customers install the application, which decides the files a release needs for backups
 * (facts and sources: docs/facts/install-paths.md). Texts live here, not in the page template.
 */
public enum InstallPath {
    KOTS("kots", "KOTS, existing cluster",
            "For existing customers who install with KOTS into their own cluster: KOTS snapshots use the Backup "
                    + "in the release and the hooks on the PostgreSQL pod.",
            List.of("Replicated offers KOTS to existing customers only; new customer-managed installs use Helm.",
                    "The customer installs Velero 1.11 to 1.18 (not 1.19) with the node agent, and an object-store "
                            + "destination (NFS and host path are blocked from Velero 1.17).",
                    "Air gap: nothing to change. With kots.io/v1beta2 the HelmChart's optionalValues point the image at "
                            + "KOTS's local registry, with its pull secret, whenever the install has one."),
            "Add the HelmChart, config.yaml and backup.yaml to the release; after the next install, take a "
                    + "snapshot from the admin console and check that the backup volume was copied."),
    KURL("kurl", "kURL",
            "For existing customers on a kURL cluster: KOTS snapshots as on an existing cluster, with Velero "
                    + "installed by the kURL add-on.",
            List.of("Replicated offers kURL to existing customers only; new installs use Embedded Cluster.",
                    "The kURL internal storage destination is for rollbacks, not for disaster recovery."),
            "Add the HelmChart, config.yaml and backup.yaml to the release and the velero add-on to the kURL "
                    + "Installer, then take a snapshot from the admin console."),
    EMBEDDED_V2("embedded-v2", "Embedded Cluster v2 (disaster recovery)",
            "For Embedded Cluster v2 installs with Replicated disaster recovery: the release carries a Velero Backup "
                    + "and Restore pair, which Embedded Cluster needs before it backs up the application's pods.",
            List.of("Disaster recovery for Embedded Cluster v2 is Alpha and will not advance beyond Alpha.",
                    "It needs Embedded Cluster 1.22.0 or later and the account's feature flag.",
                    "Only AWS S3 is supported as the backup destination, so it is online only (no air gap).",
                    "It is on for a customer only when their license has \"Allow Disaster Recovery (Alpha)\" "
                            + "(isDisasterRecoverySupported) set before the first install: Velero is installed only then."),
            "Add the HelmChart, config.yaml, backup.yaml and restore.yaml to the release, turn on "
                    + "isDisasterRecoverySupported for the customer, install, and test a backup and a restore on a spare VM."),
    EMBEDDED_V3("embedded-v3", "Embedded Cluster v3",
            "For Embedded Cluster v3 installs, which have no Replicated disaster recovery: the release bundles "
                    + "Velero as a Helm chart extension with its own storage settings and schedule.",
            List.of("Embedded Cluster v3 is Beta and installs only HelmChart v2 (kots.io/v1beta2) charts.",
                    "Bundle the Velero chart archive velero-12.1.0.tgz in the release: extensions are not pulled at install time.",
                    "The node agent's pod volume path on Embedded Cluster v3 and template functions in extension "
                            + "values are not confirmed by Replicated's docs; test an install before shipping."),
            "Add the Embedded Cluster Config, the Velero chart archive, the HelmChart and config.yaml to the release, "
                    + "install, and follow the restore runbook once on a spare VM."),
    HELM("helm", "Helm CLI",
            "For customers who run helm install themselves: no Replicated backup exists, so the vendor chart's "
                    + "values carry hooks that work with whatever Velero the customer runs.",
            List.of("Replicated installers offer no backup to Helm CLI installs; the customer's own Velero applies.",
                    "The values work whether the customer's Velero copies only annotated volumes (opt-in) or every "
                            + "volume (opt-out, defaultVolumesToFsBackup)."),
            "Merge the values into your chart's values.yaml (they sit under postgresql:, your PostgreSQL dependency's "
                    + "name or alias), ship the README text with the chart, and test a backup and a restore with a Velero "
                    + "that has the node agent.");

    /**
     * A release serves every install method its customers use, and the wizard is named for the HelmChart: the default
     * release is for KOTS (existing customers; the HelmChart, its Config and the Backup) and Helm CLI (what Replicated
     * recommends for new customer-managed installs), the two GA paths. Embedded Cluster v3 is Beta and v2's disaster
     * recovery an Alpha that will not advance: ticked on purpose.
     */
    public static final Set<InstallPath> DEFAULTS = Collections.unmodifiableSet(EnumSet.of(KOTS, HELM));

    private final String value;
    private final String label;
    private final String choice;
    private final List<String> notes;
    private final String summary;

    InstallPath(String value, String label, String choice, List<String> notes, String summary) {
        this.value = value;
        this.label = label;
        this.choice = choice;
        this.notes = notes;
        this.summary = summary;
    }

    /** The form offers the paths by label, as checkboxes: a release may serve several. */
    static Control control() {
        return new Control(Control.Kind.CHECKBOXES,
                Arrays.stream(values()).map(p -> new Control.Choice(p.value, p.label)).toList());
    }

    /** The parameter value. */
    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    /** One sentence: when this path is the one to pick. */
    public String choice() {
        return choice;
    }

    /** What the vendor must know about this path (requirements, limits). */
    public List<String> notes() {
        return notes;
    }

    /** What to do with the files, in one sentence (the first of the steps README.txt lists). */
    public String summary() {
        return summary;
    }

    /** Whether a Replicated installer deploys the release (so it carries the KOTS HelmChart and Config). */
    public boolean replicatedInstaller() {
        // A switch, so a new path is a compile error here rather than a silent guess.
        return switch (this) {
            case KOTS, KURL, EMBEDDED_V2, EMBEDDED_V3 -> true;
            case HELM -> false;
        };
    }

    /** Whether a Replicated installer is among these paths (so the release has the HelmChart and its Config). */
    public static boolean anyReplicated(Set<InstallPath> paths) {
        return paths.stream().anyMatch(InstallPath::replicatedInstaller);
    }

    /** The paths whose release carries the HelmChart and the KOTS Config. */
    public static final Set<InstallPath> HELM_CHART_PATHS = Collections.unmodifiableSet(
            Arrays.stream(values()).filter(InstallPath::replicatedInstaller)
                    .collect(() -> EnumSet.noneOf(InstallPath.class), Set::add, Set::addAll));

    public static InstallPath parse(String text) {
        return EnumValues.parse(values(), InstallPath::value, text);
    }

    /** The separator of several paths in one value: "kots,helm". */
    public static final String SEPARATOR = ",";

    /**
     * One or more paths, comma-separated ("kots,embedded-v3,helm"), in any order; each once.
     *
     * @return the paths in this enum's order (the order the release lists their files)
     */
    public static Set<InstallPath> parseAll(String text) {
        Set<InstallPath> paths = EnumSet.noneOf(InstallPath.class);
        for (String part : text.split(SEPARATOR, -1)) {
            String value = part.strip();
            if (value.isEmpty())
                throw new IllegalArgumentException(
                        "has an empty entry: give " + EnumValues.choices(values(), InstallPath::value)
                                + ", or several separated by commas");
            InstallPath p;
            try {
                p = parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(value + " is not an install path: each " + e.getMessage());
            }
            if (!paths.add(p))
                throw new IllegalArgumentException(value + " is given twice");
        }
        return Collections.unmodifiableSet(paths);
    }

    /** The canonical text of several paths: their values in this enum's order, comma-separated. */
    public static String text(Set<InstallPath> paths) {
        return paths.stream().map(InstallPath::value).collect(Collectors.joining(SEPARATOR));
    }
}
