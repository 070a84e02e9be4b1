package io.pgbackupwizard.generate;

import static io.pgbackupwizard.generate.Maps.map;

import io.pgbackupwizard.model.ApiVersion;
import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.model.ScratchMedium;
import io.pgbackupwizard.model.VeleroAnnotation;
import io.pgbackupwizard.model.WizardInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The KOTS HelmChart for the Bitnami postgresql chart, with Velero hooks on the PostgreSQL pod. */
public final class HelmChartManifest {
    private HelmChartManifest() {}

    public static final String CHART = "postgresql";
    /** The emptyDir the dump goes to; the only volume of the pod Velero backs up. */
    public static final String VOLUME = "backup";

    public static Map<String, Object> build(WizardInput in, HookAnnotations hooks) {
        Map<String, Object> chart = map("name", CHART, "chartVersion", in.chartVersion().text());
        Map<String, Object> spec = new LinkedHashMap<>();
        if (in.allowExternal()) {
            spec.put("exclude", KotsTemplates.configOptionEquals(in.typeOption(), in.externalValue()));
        }
        spec.put("chart", chart);
        if (!in.name().equals(CHART)) {
            // Helm release names must be unique in a release; keep it tied to the HelmChart's name.
            (in.apiVersion() == ApiVersion.V1BETA1 ? chart : spec).put("releaseName", in.name());
        }
        // v1beta1 without it locks the install into kubectl apply, and a later move to v1beta2 is refused.
        if (in.apiVersion() == ApiVersion.V1BETA1) spec.put("useHelmInstall", true);
        spec.put("values", values(in, hooks));
        if (in.apiVersion() == ApiVersion.V1BETA2) spec.put("optionalValues", v1beta2OptionalValues(in));
        spec.put("builder", ImageValues.of(in.image()));
        return map("apiVersion", in.apiVersion().value(), "kind", "HelmChart",
                "metadata", map("name", in.name()), "spec", spec);
    }

    private static Map<String, Object> values(WizardInput in, HookAnnotations hooks) {
        ChartFacts gen = in.chart();
        Map<String, Object> pod = pod(in, podAnnotations(in, hooks));

        Map<String, Object> credentials = map(
                gen.usernameKey(), in.username(),
                gen.passwordKey(), KotsTemplates.configOption(in.passwordOption()),
                gen.databaseKey(), in.database());
        if (in.resources() != null) pod.put("resources", ResourceValues.of(in.resources()));
        Map<String, Object> values = map(gen.podKey(), pod);
        Maps.putPath(values, gen.credentialsPath(), credentials);
        return Maps.deepMerge(values, ImageValues.of(in.image()));
    }

    /** KOTS does not touch a v1beta2 chart: the values must label the pod for snapshots and follow a local registry. */
    private static List<Object> v1beta2OptionalValues(WizardInput in) {
        return List.of(SnapshotLabels.optionalValues(in.chart()), LocalRegistryValues.optionalValues(in.image()));
    }

    /** The PostgreSQL pod's values: the hook annotations and the scratch volume (also used by HelmCliValues). */
    static Map<String, Object> pod(WizardInput in, Map<String, Object> podAnnotations) {
        Map<String, Object> emptyDir = new LinkedHashMap<>();
        if (in.scratchMedium() == ScratchMedium.Memory) emptyDir.put("medium", "Memory");
        emptyDir.put("sizeLimit", in.scratchSize());
        return map(
                "podAnnotations", podAnnotations,
                "extraVolumes", List.of(map("name", VOLUME, "emptyDir", emptyDir)),
                "extraVolumeMounts", List.of(map("name", VOLUME, "mountPath", in.mountPath())));
    }

    public static Map<String, Object> podAnnotations(WizardInput in, HookAnnotations hooks) {
        String container = in.chart().containerName(in.name());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(VeleroAnnotation.BACKUP_VOLUMES.key(), VOLUME);
        // A Velero with defaultVolumesToFsBackup ignores the opt-in above and reads only this (split on ",", untrimmed).
        a.put(VeleroAnnotation.BACKUP_VOLUMES_EXCLUDES.key(), String.join(",", in.chart().volumes()));
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
