package io.pgbackupwizard.generate;

import static io.pgbackupwizard.generate.Maps.map;

import io.pgbackupwizard.model.ChartGeneration;
import java.util.Map;

/**
 * v1beta2 optionalValues that put KOTS's snapshot labels on the chart's resources. KOTS selects what goes in
 * a snapshot by kots.io/app-slug (app backups) or kots.io/backup=velero (instance backups); for v1beta1 it adds
 * them itself, but it does not modify a v1beta2 chart, and restores of Helm v2 apps match on pod labels.
 * Written only when the license allows snapshots.
 *
 * <p>Charts 10.x and later take them as commonLabels, which reach every resource, the StatefulSet's pod
 * template included (10.x/11.x append commonLabels to the pod labels, later charts merge them with podLabels:
 * setting both would write each label twice in 10.x/11.x). 8.x/9.x have no commonLabels: there they go on
 * master.labels (the StatefulSet) and master.podLabels (its pods). None of these reach a selector.
 */
final class SnapshotLabels {
    private SnapshotLabels() {}

    static Map<String, Object> labels() {
        return map("kots.io/backup", "velero", "kots.io/app-slug", KotsTemplates.licenseFieldValue("appSlug"));
    }

    static Map<String, Object> optionalValues(ChartGeneration gen) {
        Map<String, Object> values = gen == ChartGeneration.MASTER
                ? map(gen.podKey(), map("labels", labels(), "podLabels", labels()))
                : map("commonLabels", labels());
        return map("when", KotsTemplates.licenseFieldValue("isSnapshotSupported"), "recursiveMerge", true,
                "values", values);
    }
}
