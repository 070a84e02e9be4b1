package io.pgbackupwizard.generate.velero;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pgbackupwizard.generate.kots.KotsTemplates;

/** The Velero Backup KOTS needs in a release before it includes the application in snapshots. */
public final class BackupManifest {
    private BackupManifest() {
    }

    public static final String NAME = "backup";

    public static Map<String, Object> build() {
        return kots(Optional.empty());
    }

    /**
     * KOTS and kURL snapshots. With the chart in the admin console's namespace an empty spec is enough; a chart
     * in another namespace (HelmChart spec.namespace) must be named, with the admin console's own. No selectors:
     * KOTS partial backups add a labelSelector, and Velero refuses one beside orLabelSelectors.
     */
    public static Map<String, Object> kots(Optional<String> chartNamespace) {
        Map<String, Object> spec = map();
        if (chartNamespace.isPresent())
            spec.put("includedNamespaces", appNamespaces(chartNamespace));
        return map("apiVersion", "velero.io/v1", "kind", "Backup", "metadata", map("name", NAME), "spec", spec);
    }

    /** The admin console's namespace (where the chart goes by default) and the chart's own, when it has one. */
    static List<Object> appNamespaces(Optional<String> chartNamespace) {
        List<Object> namespaces = new ArrayList<>(List.of(KotsTemplates.NAMESPACE));
        chartNamespace.ifPresent(namespaces::add);
        return namespaces;
    }
}
