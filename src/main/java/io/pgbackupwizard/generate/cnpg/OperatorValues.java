package io.pgbackupwizard.generate.cnpg;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.Map;

/**
 * Values for the CloudNativePG operator chart (cloudnative-pg): its ConfigMap's INHERITED_LABELS makes the operator
 * copy the cluster's velero.io/exclude-from-backup label onto the pods, PVCs, Services and Secrets it makes, so a
 * Velero backup (a KOTS snapshot) holds none of the live database: a copy of a running data directory is not a
 * backup, and restored instance pods lose their owner (Velero strips ownerReferences).
 */
public final class OperatorValues {
    private OperatorValues() {
    }

    public static Map<String, Object> build() {
        return map("config", map("data", map("INHERITED_LABELS", CnpgNames.EXCLUDE_LABEL)));
    }
}
