package io.pgbackupwizard.generate.helm;

import static io.pgbackupwizard.generate.yaml.Maps.map;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.generate.hooks.Hooks;
import io.pgbackupwizard.generate.hooks.PodValues;
import io.pgbackupwizard.generate.yaml.Maps;
import io.pgbackupwizard.model.WizardInput;

/**
 * Helm CLI installs: values for the vendor's chart, which has the Bitnami chart as a dependency named postgresql,
 * so everything sits under postgresql:. No Replicated backup exists there; the customer's own Velero applies, in
 * opt-in mode (only volumes named in backup-volumes) or opt-out mode (every volume but those in
 * backup-volumes-excludes). Both annotations are written, so either way only the scratch volume is copied.
 */
public final class HelmCliValues {
    private HelmCliValues() {
    }

    public static final String DEPENDENCY = "postgresql";
    /**
     * The chart's own volumes across versions: the data volume (a copy of live files is no backup), /dev/shm and
     * 17.x's empty-dir. A name a chart version does not have is ignored by Velero.
     */
    public static final List<String> CHART_VOLUMES = List.of("data", "empty-dir", "dshm");

    public static Map<String, Object> build(WizardInput in, Hooks hooks) {
        ChartFacts gen = in.chart();
        Map<String, Object> annotations = podAnnotations(in, hooks);
        Map<String, Object> postgresql = map(gen.podKey(), PodValues.of(in, annotations));
        // The chart's own (non-global) credential keys; no password: the chart generates one and keeps it in its Secret.
        List<String> credentials = gen.credentialsPath().subList(2, gen.credentialsPath().size());
        Maps.putPath(postgresql, append(credentials, gen.usernameKey()), in.username());
        Maps.putPath(postgresql, append(credentials, gen.databaseKey()), in.database());
        return map(DEPENDENCY, postgresql);
    }

    /** As the HelmChart's, with every volume any chart version has excluded (the customer picks the version). */
    public static Map<String, Object> podAnnotations(WizardInput in, Hooks hooks) {
        Map<String, Object> annotations = PodValues.annotations(in, hooks);
        annotations.put(io.pgbackupwizard.model.VeleroAnnotation.BACKUP_VOLUMES_EXCLUDES.key(),
                String.join(",", CHART_VOLUMES));
        return annotations;
    }

    private static List<String> append(List<String> path, String key) {
        return java.util.stream.Stream.concat(path.stream(), java.util.stream.Stream.of(key)).toList();
    }
}
