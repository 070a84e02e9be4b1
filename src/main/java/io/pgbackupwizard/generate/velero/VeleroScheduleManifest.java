package io.pgbackupwizard.generate.velero;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.model.WizardInput;

/**
 * Helm CLI: an optional daily Velero Schedule the customer may apply in Velero's namespace. The vendor cannot know
 * the customer's namespace or release name, so it selects the PostgreSQL pod by the labels the chart always writes.
 */
public final class VeleroScheduleManifest {
    private VeleroScheduleManifest() {
    }

    public static final String CRON = "0 3 * * *";

    public static String name(WizardInput in) {
        return in.name() + "-daily";
    }

    /** @param installedAs the PostgreSQL chart's name in the vendor's chart (the dependency's name or alias) */
    public static Map<String, Object> build(WizardInput in, String installedAs) {
        Map<String, Object> template = map("includedNamespaces", List.of("*"),
                "labelSelector", map("matchLabels", PostgresPodLabels.of(in.chart(), installedAs)),
                "ttl", VeleroExtensionManifest.TTL);
        return map("apiVersion", "velero.io/v1", "kind", "Schedule",
                "metadata", map("name", name(in), "namespace", "velero"),
                "spec", map("schedule", CRON, "useOwnerReferencesInBackup", false, "template", template));
    }
}
