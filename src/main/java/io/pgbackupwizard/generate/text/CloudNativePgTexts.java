package io.pgbackupwizard.generate.text;

import java.util.ArrayList;
import java.util.List;

import io.pgbackupwizard.generate.cnpg.CnpgConfig;
import io.pgbackupwizard.generate.cnpg.CnpgNames;
import io.pgbackupwizard.generate.helm.HelmCliValues;
import io.pgbackupwizard.generate.text.Explanation.Part;
import io.pgbackupwizard.generate.text.NextSteps.Step;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.model.WizardInput;

/**
 * What a CloudNativePG release says to the vendor and to the customer: per install path, the steps, the Helm CLI
 * README, the Embedded Cluster v3 runbook and "what each part does". Every name in them (items, files, values keys,
 * the plugin) comes from the constants the files are made of.
 */
public final class CloudNativePgTexts {
    private CloudNativePgTexts() {
    }

    /** The Barman Cloud plugin's release the facts were checked against (its ObjectStore CRD is a test input). */
    public static final String PLUGIN_VERSION = "v0.14.0";

    static final String PLUGIN_MANIFEST = "https://github.com/cloudnative-pg/plugin-barman-cloud/releases/download/"
            + PLUGIN_VERSION + "/manifest.yaml";

    static final String OPERATOR_INSTALL = "helm upgrade --install cnpg cloudnative-pg --repo "
            + "https://cloudnative-pg.github.io/charts --namespace cnpg-system --create-namespace "
            + "-f cnpg-operator-values.yaml";

    /** What the path does with this family: the first sentence of its section on the page. */
    public static String choice(InstallPath path) {
        return switch (path) {
            case KOTS, KURL -> "For customers who install with KOTS" + (path == InstallPath.KURL ? " on kURL" : "")
                    + ": the database archives itself to the customer's object store; KOTS snapshots hold the "
                    + "application, not the database.";
            case EMBEDDED_V2 -> "For Embedded Cluster v2 installs with disaster recovery: the Backup and Restore pair "
                    + "covers the application's objects; the database archives itself to the object store.";
            case EMBEDDED_V3 -> "For Embedded Cluster v3 installs: the bundled Velero covers the application's objects; "
                    + "the database archives itself to its own object store, asked on the config screen.";
            case HELM -> "For customers who run helm install themselves: the cluster chart's values archive the "
                    + "database to an object store the customer names.";
        };
    }

    /** What to know on that path. */
    public static List<String> notes(InstallPath path) {
        List<String> notes = new ArrayList<>();
        notes.add("The CloudNativePG operator and its Barman Cloud plugin (which needs cert-manager) must run in the "
                + "cluster before the chart installs: ship them first (a lower weight) or make them a prerequisite.");
        if (path != InstallPath.HELM)
            notes.add("Air gap: the image is in the Cluster, not in a pod, so KOTS neither finds it nor rewrites it: "
                    + "list it in your Application's additionalImages (with the sidecar image the Barman Cloud plugin "
                    + "adds to the instance pods); the HelmChart's optionalValues point it at the local registry with "
                    + "its pull secret.");
        if (path == InstallPath.EMBEDDED_V3)
            notes.add("Embedded Cluster v3 installs only HelmChart v2 (kots.io/v1beta2) charts.");
        return notes;
    }

    public static String summary(InstallPath path) {
        String check = ", install, and check that a base backup completes and that a new install recovers from it.";
        return switch (path) {
            case HELM -> "Merge the values into your chart's values.yaml (under " + HelmCliValues.DEPENDENCY + ":), ship "
                    + "the README text with the chart, and test a base backup and a recovery.";
            case KOTS -> "Add the HelmChart, config.yaml and backup.yaml to the release" + check;
            case KURL -> "Add the HelmChart, config.yaml and backup.yaml to the release and the velero add-on to the "
                    + "kURL Installer" + check;
            case EMBEDDED_V2 -> "Add the HelmChart, config.yaml, backup.yaml and restore.yaml to the release, turn on "
                    + "isDisasterRecoverySupported for the customer" + check;
            case EMBEDDED_V3 -> "Add the Embedded Cluster Config, the Velero chart archive, the HelmChart and "
                    + "config.yaml to the release" + check;
        };
    }

    /** The steps after the paths' own summaries. */
    public static List<Step> steps(WizardInput in) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Install the operator and the plugin first",
                "The cluster chart makes a Cluster, an ObjectStore and a ScheduledBackup: their operator and plugin "
                        + "must be there. Install the operator chart with cnpg-operator-values.yaml (it makes the "
                        + "operator copy the label " + CnpgNames.EXCLUDE_LABEL + " onto the pods and volumes it makes, "
                        + "so no Velero backup copies the live database; merge it into an INHERITED_LABELS you already "
                        + "set, comma-separated), then the Barman Cloud plugin " + PLUGIN_VERSION
                        + " in the operator's namespace.",
                List.of(OPERATOR_INSTALL, "kubectl apply -f " + PLUGIN_MANIFEST)));
        boolean replicated = InstallPath.anyReplicated(in.installPaths());
        if (replicated) {
            String version = in.chartVersion().text();
            steps.add(new Step("Add the chart archive to the release",
                    "KOTS installs the chart from the .tgz in the release: put " + in.family().chartName() + "-" + version
                            + ".tgz next to " + in.name() + "-helmchart.yaml, and add " + CnpgNames.image(in)
                            + " to your Application's additionalImages.",
                    List.of("helm pull " + in.family().chartRepository() + " --version " + version)));
            steps.add(new Step("Merge config.yaml into your Config",
                    "A release has one Config: copy its groups (\"database\", \"" + CnpgConfig.GROUP + "\") into yours "
                            + "and keep the item names, which the HelmChart refers to.",
                    List.of()));
            steps.add(new Step("Give your application the connection",
                    "app-database-values.yaml is not a manifest: merge it into your application's HelmChart. The "
                            + "password is in the operator's Secret " + CnpgNames.appSecret(in)
                            + " (key password): read it with a secretKeyRef.",
                    List.of()));
            steps.add(new Step("What a snapshot holds",
                    "Every object of the cluster carries " + CnpgNames.EXCLUDE_LABEL + ", so a snapshot (or a "
                            + "disaster-recovery backup) holds the application and the Config, not the database, which "
                            + "is in the object store. After restoring a snapshot, turn on \"" + CnpgConfig.RECOVER_TITLE
                            + "\" on the config screen, set \"" + CnpgConfig.SERVER_NAME_TITLE + "\" to a new name, "
                            + "and deploy: the Cluster is made again from the newest base backup and its WAL.",
                    List.of()));
        }
        if (in.serves(InstallPath.HELM)) {
            steps.add(new Step("Name the cluster dependency postgresql",
                    "In your chart's Chart.yaml, the dependency is " + in.family().chartName() + " under the alias "
                            + HelmCliValues.DEPENDENCY + ": the values sit under that name. The customer sets the "
                            + "object store (backup-readme.md says how).",
                    List.of()));
        }
        steps.add(new Step("Test a base backup, then a recovery",
                "Install on a test cluster, write some data, take a base backup and wait for it to complete; then "
                        + "install again elsewhere with recovery on, recovering from the first install's server name, "
                        + "and check the data.",
                List.of("kubectl cnpg backup " + (replicated ? CnpgNames.cluster(in) : "<cluster>")
                        + " --method plugin --plugin-name " + CnpgNames.PLUGIN,
                        "kubectl get backups.postgresql.cnpg.io --namespace <app-namespace>")));
        return steps;
    }

    /** The Helm CLI customer's README: the object store to set, what Velero holds, how to recover. */
    public static String helmReadme(WizardInput in) {
        return """
                # Backups of the database

                The database (a CloudNativePG cluster) backs itself up: its Barman Cloud plugin archives every change
                (WAL) and takes a base backup on the schedule "%1$s" (seconds first, UTC) into an S3 bucket you
                name; backups are kept %2$s. The CloudNativePG operator and the Barman Cloud plugin %3$s must be installed in the cluster.

                ## Before installing: the object store

                    helm install <release> <chart> \\
                      --set %4$s.backups.s3.bucket=<bucket> \\
                      --set %4$s.backups.s3.region=<region> \\
                      --set %4$s.backups.s3.accessKey=<access key id> \\
                      --set %4$s.backups.s3.secretKey=<secret access key>

                For an S3-compatible store add `--set %4$s.backups.endpointURL=<url>` and
                `--set %4$s.backups.wal.encryption= --set %4$s.backups.data.encryption=` (no server-side encryption).

                ## Velero

                Every object of the cluster is labelled %5$s. With the operator's INHERITED_LABELS set to
                that label (cnpg-operator-values.yaml), its pods and volumes are too: a Velero backup of the
                namespace holds the application, not the database, whose copy is the object store's.

                ## Recovering the database

                On a new install (the old Cluster gone), with the same object store settings:

                    --set %4$s.mode=recovery \\
                    --set %4$s.recovery.method=plugin \\
                    --set %4$s.recovery.pluginConfiguration.name=%6$s \\
                    --set %4$s.recovery.clusterName=<the lost cluster's name> \\
                    --set %4$s.recovery.s3.bucket=<bucket> ... (region, accessKey, secretKey, endpointURL as above)

                and a new folder for the new cluster's own archive (the plugin refuses one that holds another
                server's history): `--set %4$s.backups.s3.path=/<new folder>`.
                """
                .formatted(CnpgConfig.DEFAULT_SCHEDULE, CnpgConfig.DEFAULT_RETENTION, PLUGIN_VERSION,
                        HelmCliValues.DEPENDENCY, CnpgNames.EXCLUDE_LABEL, CnpgNames.PLUGIN);
    }

    /** Embedded Cluster v3: the customer's runbook. */
    public static String restoreRunbook(WizardInput in) {
        return """
                # Restoring the database (Embedded Cluster v3)

                The database is not in the Velero backups ("Backups" on the config screen): every object of the
                CloudNativePG cluster %s carries %s. It is in the object store set under
                "%s": every change (WAL) and a base backup on the schedule set there.

                To restore, on a new install or after deleting the Cluster (kubectl delete cluster %s):

                1. On the config screen, turn on "%s" and set "%s" to the name the lost database was backed
                   up as (the "%s" it had, %s unless changed).
                2. Set "%s" to a new name (%s-2): the plugin refuses to archive into a folder that holds
                   another server's history.
                3. Deploy. The operator makes the Cluster from the newest base backup and replays the WAL after it.
                4. Check: kubectl get cluster %s reports it healthy, and the data is back.
                """.formatted(CnpgNames.cluster(in), CnpgNames.EXCLUDE_LABEL, CnpgConfig.GROUP_TITLE,
                CnpgNames.cluster(in), CnpgConfig.RECOVER_TITLE, CnpgConfig.RECOVER_FROM_TITLE,
                CnpgConfig.SERVER_NAME_TITLE, CnpgNames.cluster(in), CnpgConfig.SERVER_NAME_TITLE,
                CnpgNames.cluster(in), CnpgNames.cluster(in));
    }

    /** "What each part does" for the HelmChart (or the Helm CLI values). */
    public static List<Part> explanation(WizardInput in) {
        boolean helm = !InstallPath.anyReplicated(in.installPaths());
        String values = helm ? HelmCliValues.DEPENDENCY + "." : "values.";
        List<Part> parts = new ArrayList<>();
        if (!helm && in.allowExternal())
            parts.add(new Part("spec.exclude", "When the customer picks " + in.externalValue() + " for "
                    + in.typeOption() + " on the config screen, KOTS does not install the chart."));
        parts.add(new Part(values + "backups", "The Barman Cloud plugin archives WAL continuously and takes base "
                + "backups: the chart makes the ObjectStore, the credentials' Secret and a ScheduledBackup.",
                List.of(new Part("method: plugin", "Through the plugin " + CnpgNames.PLUGIN + " (the in-tree "
                        + "barmanObjectStore, the chart's default, is removed in CloudNativePG 1.31)."),
                        new Part("scheduledBackups",
                                "A base backup "
                                        + (helm ? "on the schedule " + CnpgConfig.DEFAULT_SCHEDULE + " (seconds first, UTC)"
                                                : "on the schedule \"" + CnpgConfig.SCHEDULE_TITLE + "\" of the config screen")
                                        + "; a restore replays the WAL after it."),
                        new Part("retentionPolicy", "Older backups and their WAL are deleted.", List.of()))));
        parts.add(new Part(values + "cluster.additionalLabels", CnpgNames.EXCLUDE_LABEL + ": \"true\" on every "
                + "object of the chart; with the operator's INHERITED_LABELS, on its pods and volumes too. Velero "
                + "leaves them all out: a copy of a live data directory is not a backup, and restored instance pods "
                + "would lose their owner."));
        if (!helm) {
            parts.add(new Part(values + "cluster.plugins", "The archive's server name, \"" + CnpgConfig.SERVER_NAME_TITLE
                    + "\" on the config screen: a recovered database must archive under a new one."));
            parts.add(new Part("spec.optionalValues", "Behind \"" + CnpgConfig.RECOVER_TITLE + "\": mode: recovery, "
                    + "the Cluster made from the archive of \"" + CnpgConfig.RECOVER_FROM_TITLE + "\" instead of initdb. "
                    + "With an S3-compatible endpoint: no server-side encryption. With a local registry: the image "
                    + "from it, with its pull secret."));
            parts.add(new Part("spec.builder", "Backups off: KOTS renders the chart for an air-gap bundle without the "
                    + "config screen, and the chart refuses to render backups without a bucket."));
        }
        return parts;
    }
}
