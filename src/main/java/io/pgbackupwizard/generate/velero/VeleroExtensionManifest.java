package io.pgbackupwizard.generate.velero;

import static io.pgbackupwizard.generate.kots.KotsTemplates.configOption;
import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pgbackupwizard.generate.kots.BackupStorageConfig;
import io.pgbackupwizard.generate.kots.KotsTemplates;
import io.pgbackupwizard.generate.yaml.ManifestYaml;
import io.pgbackupwizard.model.WizardInput;

/**
 * Embedded Cluster v3 has no Replicated disaster recovery: the release bundles the Velero chart (velero-12.1.0.tgz)
 * and installs it as an extension of the Embedded Cluster Config, with the node agent (file-system backup of the
 * scratch volume), the storage from the config screen and a schedule for the application's namespace.
 */
public final class VeleroExtensionManifest {
    private VeleroExtensionManifest() {
    }

    public static final String NAMESPACE = "velero";
    /**
     * Where the node agent finds pod volumes. The kubelet's default (/var/lib/kubelet/pods) does not exist on
     * Embedded Cluster's k0s; this is the stable path Replicated's own disaster-recovery extension uses
     * (not confirmed by the v3 docs).
     */
    public static final String POD_VOLUME_PATH = "/var/lib/ec/kubelet/pods";
    public static final String PLUGIN_VOLUME_PATH = "/var/lib/ec/kubelet/plugins";
    public static final String TTL = "720h0m0s";

    public static String scheduleName(WizardInput in) {
        return in.name() + "-daily";
    }

    /** The Embedded Cluster Config entry; its values are a YAML text, as Embedded Cluster reads them. */
    public static Map<String, Object> build(WizardInput in, Optional<String> chartNamespace) {
        Map<String, Object> chart = map("chart",
                map("name", VeleroVersions.CHART, "chartVersion", VeleroVersions.CHART_VERSION),
                "releaseName", VeleroVersions.CHART, "namespace", NAMESPACE,
                "values", ManifestYaml.dump(values(in, chartNamespace)));
        return map("apiVersion", "embeddedcluster.replicated.com/v1beta1", "kind", "Config",
                "metadata", map("name", "embedded-cluster-config"),
                "spec", map("extensions", map("helmCharts", List.of(chart))));
    }

    /** Values for the Velero chart, with KOTS templates where the install fills them in. */
    public static Map<String, Object> values(WizardInput in, Optional<String> chartNamespace) {
        Map<String, Object> awsPlugin = map("name", "velero-plugin-for-aws",
                "image", KotsTemplates.replicatedImageName(VeleroVersions.AWS_PLUGIN_IMAGE),
                "imagePullPolicy", "IfNotPresent",
                "volumeMounts", List.of(map("mountPath", "/target", "name", "plugins")));
        String cloud = "[default]\n"
                + "aws_access_key_id=" + configOption(BackupStorageConfig.ACCESS_KEY_ID) + "\n"
                + "aws_secret_access_key=" + configOption(BackupStorageConfig.SECRET_ACCESS_KEY) + "\n";
        Map<String, Object> location = map("name", "default", "provider", "aws",
                "bucket", configOption(BackupStorageConfig.BUCKET),
                "prefix", configOption(BackupStorageConfig.PREFIX),
                "default", true,
                "config", map("region", configOption(BackupStorageConfig.REGION),
                        "s3Url", configOption(BackupStorageConfig.ENDPOINT),
                        // "true" once an endpoint is given: S3-compatible stores want path-style URLs.
                        "s3ForcePathStyle", KotsTemplates.configOptionNotEquals(BackupStorageConfig.ENDPOINT, "")));
        Map<String, Object> schedule = map("disabled", false,
                "schedule", configOption(BackupStorageConfig.SCHEDULE),
                "useOwnerReferencesInBackup", false,
                "template", map("ttl", TTL, "storageLocation", "default",
                        "includedNamespaces", BackupManifest.appNamespaces(chartNamespace)));
        return map(
                "image", map("repository", KotsTemplates.replicatedImageName(VeleroVersions.IMAGE_REPOSITORY),
                        "tag", VeleroVersions.IMAGE_TAG),
                "initContainers", List.of(awsPlugin),
                "deployNodeAgent", true,
                "nodeAgent", map("podVolumePath", POD_VOLUME_PATH, "pluginVolumePath", PLUGIN_VOLUME_PATH),
                // No VolumeSnapshotLocation: the scratch volume goes through the node agent's file-system backup.
                "snapshotsEnabled", false,
                "credentials", map("useSecret", true, "secretContents", map("cloud", cloud)),
                "configuration", map("backupStorageLocation", List.of(location)),
                "schedules", map(scheduleName(in), schedule));
    }
}
