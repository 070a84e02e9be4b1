package io.pgbackupwizard.generate.kots;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.generate.hooks.Hooks;
import io.pgbackupwizard.generate.hooks.PodValues;
import io.pgbackupwizard.generate.yaml.Maps;
import io.pgbackupwizard.model.ApiVersion;
import io.pgbackupwizard.model.WizardInput;

/** The KOTS HelmChart for the chosen PostgreSQL chart, with Velero hooks on the PostgreSQL pod. */
public final class HelmChartManifest {
    private HelmChartManifest() {
    }

    public static Map<String, Object> build(WizardInput in, Hooks hooks) {
        return of(in, values(in, hooks), in.apiVersion() == ApiVersion.V1BETA2 ? v1beta2OptionalValues(in) : null,
                ImageValues.of(in.image()));
    }

    /**
     * A HelmChart for the chosen chart with these values: the exclusion by the config screen's choice, the release
     * name, and what each API version needs around the values.
     *
     * @param optionalValues null for none
     * @param builder the values KOTS renders the chart with for an air-gap bundle (no config screen then)
     */
    public static Map<String, Object> of(WizardInput in, Map<String, Object> values, List<Object> optionalValues,
            Map<String, Object> builder) {
        return of(in, in.family().chartName(), in.chartVersion().text(), in.name(), values, optionalValues, builder);
    }

    /**
     * A HelmChart for one chart of the release (the PostgreSQL chart, or the migration chart beside it), named
     * {@code name}, excluded with the embedded database.
     */
    public static Map<String, Object> of(WizardInput in, String chartName, String chartVersion, String name,
            Map<String, Object> values, List<Object> optionalValues, Map<String, Object> builder) {
        Map<String, Object> chart = map("name", chartName, "chartVersion", chartVersion);
        Map<String, Object> spec = new LinkedHashMap<>();
        if (in.allowExternal()) {
            spec.put("exclude", KotsTemplates.configOptionEquals(in.typeOption(), in.externalValue()));
        }
        spec.put("chart", chart);
        if (!name.equals(chartName)) {
            // Helm release names must be unique in a release; keep it tied to the HelmChart's name.
            (in.apiVersion() == ApiVersion.V1BETA1 ? chart : spec).put("releaseName", name);
        }
        // v1beta1 without it locks the install into kubectl apply, and a later move to v1beta2 is refused.
        if (in.apiVersion() == ApiVersion.V1BETA1)
            spec.put("useHelmInstall", true);
        spec.put("values", values);
        if (optionalValues != null)
            spec.put("optionalValues", optionalValues);
        spec.put("builder", builder);
        return map("apiVersion", in.apiVersion().value(), "kind", "HelmChart",
                "metadata", map("name", name), "spec", spec);
    }

    private static Map<String, Object> values(WizardInput in, Hooks hooks) {
        ChartFacts gen = in.chart();
        Map<String, Object> pod = PodValues.of(in, PodValues.annotations(in, hooks));

        if (in.resources() != null)
            pod.put("resources", ResourceValues.of(in.resources()));
        Map<String, Object> values = gen.podKey().isEmpty() ? pod : map(gen.podKey(), pod);
        Maps.putPath(values, gen.credential(gen.usernameKey()), in.username());
        Maps.putPath(values, gen.credential(gen.passwordKey()), KotsTemplates.configOption(in.passwordOption()));
        Maps.putPath(values, gen.credential(gen.databaseKey()), in.database());
        if (gen.superuserPasswordPath() != null) // its own generated password, never the user's
            Maps.putPath(values, gen.superuserPasswordPath(), KotsTemplates.configOption(in.superuserPasswordOption()));
        return Maps.deepMerge(values, ImageValues.of(in.image()));
    }

    /** KOTS does not touch a v1beta2 chart: the values must label the pod for snapshots and follow a local registry. */
    private static List<Object> v1beta2OptionalValues(WizardInput in) {
        return List.of(SnapshotLabels.optionalValues(in.chart()), LocalRegistryValues.optionalValues(in.image()));
    }
}
