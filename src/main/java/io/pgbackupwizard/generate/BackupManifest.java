package io.pgbackupwizard.generate;

import static io.pgbackupwizard.generate.Maps.map;

import java.util.Map;

/** The Velero Backup KOTS needs in a release before it includes the application in snapshots. */
public final class BackupManifest {
    private BackupManifest() {}

    public static Map<String, Object> build() {
        return map("apiVersion", "velero.io/v1", "kind", "Backup", "metadata", map("name", "backup"), "spec", map());
    }
}
