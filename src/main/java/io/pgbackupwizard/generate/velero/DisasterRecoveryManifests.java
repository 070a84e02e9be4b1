package io.pgbackupwizard.generate.velero;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Embedded Cluster v2 disaster recovery: a Backup and a Restore in the release. With a Backup alone Embedded
 * Cluster falls back to a legacy mode that only takes resources labelled replicated.com/disaster-recovery, which
 * misses the PostgreSQL pod. KOTS uses the Backup as written (names, TTL and storage location are its own).
 */
public final class DisasterRecoveryManifests {
    private DisasterRecoveryManifests() {
    }

    public static final String RESTORE_NAME = "restore";
    /** Label of the admin console's own resources, which Embedded Cluster backs up separately. */
    public static final String KOTSADM_LABEL = "kots.io/kotsadm";
    /** The license field ("Allow Disaster Recovery (Alpha)") that turns disaster recovery on per customer. */
    public static final String LICENSE_FIELD = "isDisasterRecoverySupported";

    /**
     * The app namespaces by name, the admin console's resources left out with a labelSelector: Replicated's docs
     * use orLabelSelectors, but a KOTS partial snapshot of the same release adds a labelSelector, and Velero
     * refuses a Backup with both.
     */
    public static Map<String, Object> backup(Optional<String> chartNamespace) {
        Map<String, Object> notKotsadm = map("key", KOTSADM_LABEL, "operator", "NotIn", "values", List.of("true"));
        return map("apiVersion", "velero.io/v1", "kind", "Backup", "metadata", map("name", BackupManifest.NAME),
                "spec", map("includedNamespaces", BackupManifest.appNamespaces(chartNamespace),
                        "labelSelector", map("matchExpressions", List.of(notKotsadm))));
    }

    /** Embedded Cluster replaces backupName with the real backup's name; it names the Backup above for KOTS's lint. */
    public static Map<String, Object> restore() {
        return map("apiVersion", "velero.io/v1", "kind", "Restore", "metadata", map("name", RESTORE_NAME),
                "spec", map("backupName", BackupManifest.NAME, "includedNamespaces", List.of("*")));
    }
}
