package io.pgbackupwizard.generate.kots;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.Map;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.model.WizardInput;

/**
 * v1beta2 optionalValues that put KOTS's snapshot labels on the chart's resources. KOTS selects what goes in
 * a snapshot by kots.io/app-slug (app backups) or kots.io/backup=velero (instance backups); for v1beta1 it adds
 * them itself, but it does not modify a v1beta2 chart, and restores of Helm v2 apps match on pod labels.
 * Written only when the license allows snapshots.
 *
 * <p>
 * Charts 10.x and later take them as commonLabels, which reach every resource, the StatefulSet's pod
 * template included (10.x/11.x append commonLabels to the pod labels, later charts merge them with podLabels:
 * setting both would write each label twice in 10.x/11.x). 8.x/9.x have no commonLabels: there they go on
 * master.labels (the StatefulSet) and master.podLabels (its pods). None of these reach a selector.
 *
 * <p>
 * Chart 8.x cannot take pod labels: its StatefulSet template writes master.podLabels with {@code indent}
 * instead of {@code nindent}, so any pod label makes invalid YAML ("mapping values are not allowed"; seen in
 * 8.7.4, fixed by 9.8.12). There only the StatefulSet is labelled, and {@link #podUnlabelledWarning} says so.
 */
public final class SnapshotLabels {
    private SnapshotLabels() {
    }

    static Map<String, Object> labels() {
        return map("kots.io/backup", "velero", "kots.io/app-slug", KotsTemplates.licenseFieldValue("appSlug"));
    }

    static Map<String, Object> optionalValues(ChartFacts chart) {
        Map<String, Object> values = chart.commonLabels() ? map("commonLabels", labels())
                : chart.podLabelsRender() ? pod(chart, map(chart.workloadLabelsKey(), labels(), "podLabels", labels()))
                        : pod(chart, map(chart.workloadLabelsKey(), labels()));
        return map("when", KotsTemplates.licenseFieldValue("isSnapshotSupported"), "recursiveMerge", true,
                "values", values);
    }

    private static Map<String, Object> pod(ChartFacts chart, Map<String, Object> values) {
        return chart.podKey().isEmpty() ? values : map(chart.podKey(), values);
    }

    /**
     * For v1beta2 on a chart without commonLabels: the labels reach the StatefulSet and its pod only, so a KOTS
     * snapshot, which selects the application's resources by them, leaves the chart's other objects out.
     */
    public static String othersUnlabelledWarning(WizardInput in) {
        if (in.chart().commonLabels())
            return null;
        return "With kots.io/v1beta2, " + in.family().title() + " " + in.chartVersion() + " has no commonLabels: KOTS's"
                + " snapshot labels reach only its StatefulSet and pod (" + in.chart().workloadLabelsKey() + ", podLabels),"
                + " so KOTS snapshots, which select the application's objects by them, leave the chart's Service, Secret"
                + " and ConfigMaps out; after a restore they come back only when the release is deployed again.";
    }

    /** For v1beta2 on a chart that cannot label its pod: KOTS snapshots would leave the pod (and its hooks) out. */
    public static String podUnlabelledWarning(WizardInput in) {
        if (in.chart().podLabelsRender())
            return null;
        return "With kots.io/v1beta2, chart " + in.chartVersion() + " cannot carry KOTS's snapshot labels on its pod (its"
                + " template breaks on " + in.chart().podKey() + ".podLabels), so KOTS snapshots leave the PostgreSQL pod and"
                + " its hooks out: use chart " + in.family().versionsWhere(ChartFacts::podLabelsRender)
                + ", or kots.io/v1beta1, for which KOTS labels the pod itself.";
    }
}
