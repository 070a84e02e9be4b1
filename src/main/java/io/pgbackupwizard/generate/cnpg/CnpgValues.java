package io.pgbackupwizard.generate.cnpg;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pgbackupwizard.generate.kots.KotsTemplates;
import io.pgbackupwizard.model.WizardInput;

/**
 * The cluster chart's values: a Cluster whose Barman Cloud plugin archives WAL and takes scheduled base backups to an
 * S3 object store (the chart makes the ObjectStore, the credentials' Secret and the ScheduledBackup), labelled so that
 * Velero leaves it out, and, behind the restore switch, bootstrapped from that archive instead of initdb.
 */
public final class CnpgValues {
    private CnpgValues() {
    }

    /** Where the object store's settings come from: the KOTS config screen, or the customer's own values. */
    record Store(String bucket, String path, String region, String endpoint, String accessKey, String secretKey) {
        static Store kots() {
            return new Store(opt(CnpgConfig.BUCKET), opt(CnpgConfig.PATH), opt(CnpgConfig.REGION),
                    opt(CnpgConfig.ENDPOINT), opt(CnpgConfig.ACCESS_KEY_ID), opt(CnpgConfig.SECRET_ACCESS_KEY));
        }

        /** Helm CLI: the customer sets these (the chart refuses to render without a bucket and keys). */
        static Store blank() {
            return new Store("", "/", "us-east-1", "", "", "");
        }

        Map<String, Object> s3() {
            return map("region", region, "bucket", bucket, "path", path, "accessKey", accessKey, "secretKey", secretKey);
        }
    }

    /** The KOTS HelmChart's values, every object-store setting from the config screen. */
    public static Map<String, Object> kots(WizardInput in) {
        Map<String, Object> values = common(in, Store.kots(), KotsTemplates.configOption(CnpgConfig.SCHEDULE),
                KotsTemplates.configOption(CnpgConfig.RETENTION));
        // After a recovery the archive gets a new folder (the plugin refuses one holding another server's history).
        cluster(values).put("plugins", List.of(map("name", CnpgNames.PLUGIN, "parameters",
                map("serverName", KotsTemplates.configOption(CnpgConfig.SERVER_NAME)))));
        return values;
    }

    /** The Helm CLI customer's values (under the dependency's alias), object store left for them to fill. */
    public static Map<String, Object> helm(WizardInput in) {
        return common(in, Store.blank(), CnpgConfig.DEFAULT_SCHEDULE, CnpgConfig.DEFAULT_RETENTION);
    }

    private static Map<String, Object> common(WizardInput in, Store store, String schedule, String retention) {
        Map<String, Object> cluster = map(
                "imageName", CnpgNames.image(in),
                "initdb", map("database", in.database(), "owner", in.username()),
                // Cluster, ObjectStore, Secrets, ScheduledBackup; the operator copies it onto pods and PVCs when
                // INHERITED_LABELS names it (the operator's values file)
                "additionalLabels", map(CnpgNames.EXCLUDE_LABEL, "true"));
        Map<String, Object> backups = map(
                "enabled", true,
                "method", "plugin",
                "pluginConfiguration", map("name", CnpgNames.PLUGIN),
                "provider", "s3",
                "endpointURL", store.endpoint(),
                "s3", store.s3(),
                "secret", map("create", true),
                "scheduledBackups", List.of(map("name", "daily", "schedule", schedule, "backupOwnerReference", "self",
                        "method", "plugin", "pluginConfiguration", map("name", CnpgNames.PLUGIN))),
                "retentionPolicy", retention);
        return map("type", "postgresql", "mode", "standalone", "cluster", cluster, "backups", backups);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cluster(Map<String, Object> values) {
        return (Map<String, Object>) values.get("cluster");
    }

    /**
     * KOTS optionalValues: S3-compatible stores get no server-side encryption header (MinIO refuses one without a
     * KMS), the restore switch bootstraps from the archive, and a local registry serves the image.
     */
    public static List<Object> kotsOptionalValues(WizardInput in) {
        List<Object> list = new ArrayList<>();
        list.add(map("when", KotsTemplates.configOptionNotEquals(CnpgConfig.ENDPOINT, ""), "recursiveMerge", true,
                "values", map("backups", map("wal", map("encryption", ""), "data", map("encryption", "")))));
        list.add(map("when", KotsTemplates.configOptionEquals(CnpgConfig.RECOVER, "1"), "recursiveMerge", true,
                "values", recovery(in, Store.kots(), KotsTemplates.configOption(CnpgConfig.RECOVER_FROM))));
        list.add(map("when", KotsTemplates.HAS_LOCAL_REGISTRY, "recursiveMerge", true, "values", map("cluster", map(
                "imageName", KotsTemplates.LOCAL_REGISTRY_HOST + "/" + KotsTemplates.LOCAL_REGISTRY_NAMESPACE + "/"
                        + in.image().imageName() + ":" + CnpgNames.tag(in),
                "imagePullSecrets", List.of(map("name", KotsTemplates.IMAGE_PULL_SECRET_NAME))))));
        return list;
    }

    /** The values that turn a new Cluster's bootstrap into a recovery from the archive of {@code serverName}. */
    private static Map<String, Object> recovery(WizardInput in, Store store, String serverName) {
        return map("mode", "recovery", "recovery", map(
                "method", "plugin",
                "pluginConfiguration", map("name", CnpgNames.PLUGIN),
                "clusterName", serverName,
                "database", in.database(),
                "owner", in.username(),
                "provider", "s3",
                "endpointURL", store.endpoint(),
                "s3", store.s3(),
                "secret", map("create", true)));
    }

    /** What the air-gap builder renders the chart with: no object store is known then, so no backups. */
    public static Map<String, Object> builder() {
        return map("backups", map("enabled", false));
    }

    private static String opt(String item) {
        return KotsTemplates.configOption(item);
    }
}
