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
 * Helm CLI installs: values for the vendor's chart, which has the PostgreSQL chart as a dependency named postgresql
 * (Bitnami's own name; other charts by {@code alias: postgresql}, which also names their container and pod label),
 * so everything sits under postgresql:. No Replicated backup exists there; the customer's own Velero applies, in
 * opt-in mode (only volumes named in backup-volumes) or opt-out mode (every volume but those in
 * backup-volumes-excludes). Both annotations are written, so either way only the scratch volume is copied.
 */
public final class HelmCliValues {
    private HelmCliValues() {
    }

    public static final String DEPENDENCY = "postgresql";

    /**
     * The dependency the values sit under: postgresql, but during a move off Bitnami that name is the Bitnami chart's,
     * so the chart moved to keeps its own name (postgres), which also names its container.
     */
    public static String dependency(WizardInput in) {
        return in.migrating() ? in.family().chartName() : DEPENDENCY;
    }

    public static Map<String, Object> build(WizardInput in, Hooks hooks) {
        ChartFacts gen = in.chart();
        Map<String, Object> annotations = podAnnotations(in, hooks);
        Map<String, Object> pod = PodValues.of(in, annotations);
        Map<String, Object> postgresql = gen.podKey().isEmpty() ? pod : map(gen.podKey(), pod);
        // The chart's own (non-global) credential keys; no password: the chart generates one and keeps it in its Secret
        // (or, where it does not, the README says which to set).
        Maps.putPath(postgresql, ownPath(gen.credential(gen.usernameKey())), in.username());
        Maps.putPath(postgresql, ownPath(gen.credential(gen.databaseKey())), in.database());
        return map(dependency(in), postgresql);
    }

    /**
     * As the HelmChart's, in the container the dependency's alias names, with every volume any chart version has
     * excluded (the customer picks the version).
     */
    public static Map<String, Object> podAnnotations(WizardInput in, Hooks hooks) {
        Map<String, Object> annotations = PodValues.annotations(in, hooks, dependency(in));
        annotations.put(io.pgbackupwizard.model.VeleroAnnotation.BACKUP_VOLUMES_EXCLUDES.key(),
                String.join(",", PodValues.excluded(in, PodValues.anyVersionVolumes(in))));
        return annotations;
    }

    /** Where the chart's own credential keys sit: without Bitnami's leading global.postgresql, a global of the parent. */
    public static List<String> ownCredentialsPath(ChartFacts gen) {
        return ownPath(gen.credentialsPath());
    }

    private static List<String> ownPath(List<String> path) {
        return path.size() >= 2 && path.get(0).equals("global") && path.get(1).equals("postgresql")
                ? path.subList(2, path.size())
                : path;
    }

}
