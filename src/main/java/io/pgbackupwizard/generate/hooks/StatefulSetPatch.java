package io.pgbackupwizard.generate.hooks;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pgbackupwizard.model.WizardInput;

/**
 * Your own StatefulSet: what the hooks add to its pod template, as a strategic-merge patch of the StatefulSet (what
 * kubectl patch and kustomize apply; a vendor pastes the same pieces into the chart's template): Velero's annotations,
 * two labels the runbook and the Velero Schedule select the pod by, the scratch emptyDir and its mount in the
 * PostgreSQL container (containers and volumes merge by name).
 */
public final class StatefulSetPatch {
    private StatefulSetPatch() {
    }

    public static Map<String, Object> build(WizardInput in, Hooks hooks) {
        Map<String, Object> labels = new LinkedHashMap<>(in.chart().podLabels(in.containerName()));
        labels.put(in.chart().instanceLabel(), in.name());
        Map<String, Object> container = map("name", in.containerName(), "volumeMounts",
                List.of(PodValues.scratchMount(in)));
        return map("apiVersion", "apps/v1", "kind", "StatefulSet", "metadata", map("name", in.name()),
                "spec", map("template", map(
                        "metadata", map("labels", labels,
                                "annotations", PodValues.annotations(in, hooks, in.containerName())),
                        "spec", map("containers", List.of(container), "volumes", List.of(PodValues.scratchVolume(in))))));
    }
}
