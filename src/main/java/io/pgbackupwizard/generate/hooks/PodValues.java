package io.pgbackupwizard.generate.hooks;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pgbackupwizard.model.ScratchMedium;
import io.pgbackupwizard.model.VeleroAnnotation;
import io.pgbackupwizard.model.WizardInput;

/**
 * What the hooks add to the PostgreSQL pod's chart values, on every install path: Velero's annotations and the
 * scratch volume the dump goes to.
 */
public final class PodValues {
    private PodValues() {
    }

    /** The emptyDir the dump goes to; the only volume of the pod Velero backs up. */
    public static final String VOLUME = "backup";

    /**
     * The PostgreSQL pod's values: the hook annotations and the scratch volume, keyed as they sit under the pod's key
     * (or at the top of the values, where the chart has no pod key).
     */
    public static Map<String, Object> of(WizardInput in, Map<String, Object> podAnnotations) {
        if (in.chart().usesChartScratch())
            return map("podAnnotations", podAnnotations); // the chart's own emptyDir holds the dump
        return map(
                "podAnnotations", podAnnotations,
                "extraVolumes", List.of(scratchVolume(in)),
                "extraVolumeMounts", List.of(scratchMount(in)));
    }

    /** The scratch emptyDir, as a pod's volume. */
    public static Map<String, Object> scratchVolume(WizardInput in) {
        Map<String, Object> emptyDir = new LinkedHashMap<>();
        if (in.scratchMedium() == ScratchMedium.Memory)
            emptyDir.put("medium", "Memory");
        emptyDir.put("sizeLimit", in.scratchSize());
        return map("name", VOLUME, "emptyDir", emptyDir);
    }

    /** Where the PostgreSQL container mounts it. */
    public static Map<String, Object> scratchMount(WizardInput in) {
        return map("name", VOLUME, "mountPath", in.mountPath());
    }

    /**
     * The pod's own volumes in any version of the chart (a Helm CLI customer picks the version), or, in your own
     * StatefulSet, the data volume you named.
     */
    public static List<String> anyVersionVolumes(WizardInput in) {
        return in.family().ownWorkload() ? List.of(in.dataVolume()) : in.family().anyVersionVolumes();
    }

    /** The pod's own volumes: the chart's, or, in your own StatefulSet, the data volume you named. */
    public static List<String> podVolumes(WizardInput in) {
        return in.family().ownWorkload() ? List.of(in.dataVolume()) : in.chart().volumes();
    }

    /** The volume the dump goes to: the values' own emptyDir, or the chart's where it takes no extra volume. */
    public static String volume(WizardInput in) {
        return in.chart().usesChartScratch() ? in.chart().scratchVolume() : VOLUME;
    }

    /** The pod's volumes but the one holding the dump: what a Velero in opt-out mode must leave alone. */
    public static List<String> excluded(WizardInput in, List<String> volumes) {
        return volumes.stream().filter(v -> !v.equals(volume(in))).toList();
    }

    /** Velero's annotations on the PostgreSQL pod, as the KOTS HelmChart writes them (the chart under its own name). */
    public static Map<String, Object> annotations(WizardInput in, Hooks hooks) {
        return annotations(in, hooks, in.family().chartName());
    }

    /** @param installedAs the chart's name where it is installed: its own, or a parent chart's alias for it */
    public static Map<String, Object> annotations(WizardInput in, Hooks hooks, String installedAs) {
        String container = in.chart().containerName(in.name(), installedAs);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(VeleroAnnotation.BACKUP_VOLUMES.key(), volume(in));
        // A Velero with defaultVolumesToFsBackup ignores the opt-in above and reads only this (split on ",", untrimmed).
        a.put(VeleroAnnotation.BACKUP_VOLUMES_EXCLUDES.key(), String.join(",", excluded(in, podVolumes(in))));
        a.put(VeleroAnnotation.PRE_BACKUP_CONTAINER.key(), container);
        a.put(VeleroAnnotation.PRE_BACKUP_COMMAND.key(), hooks.backupAnnotation());
        a.put(VeleroAnnotation.PRE_BACKUP_TIMEOUT.key(), in.hookTimeout());
        // Always written: for annotation hooks an absent on-error acts like Continue, not the documented Fail.
        a.put(VeleroAnnotation.PRE_BACKUP_ON_ERROR.key(), in.onError().name());
        if (in.restoreHook()) {
            a.put(VeleroAnnotation.RESTORE_CONTAINER.key(), container);
            a.put(VeleroAnnotation.RESTORE_COMMAND.key(), hooks.restoreAnnotation());
            a.put(VeleroAnnotation.RESTORE_ON_ERROR.key(), in.restoreOnError().name());
            a.put(VeleroAnnotation.RESTORE_WAIT_FOR_READY.key(), "true");
            a.put(VeleroAnnotation.RESTORE_WAIT_TIMEOUT.key(), in.restoreWaitTimeout());
            a.put(VeleroAnnotation.RESTORE_EXEC_TIMEOUT.key(), in.restoreExecTimeout());
        }
        return a;
    }
}
