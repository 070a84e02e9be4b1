package io.pgbackupwizard.chart;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.chart.ChartFacts.ContainerNaming;
import io.pgbackupwizard.chart.ChartFacts.ImageCheck;

/**
 * The vendor's own StatefulSet on the official postgres image (or Docker Hardened Images), as Replicated's Chartsmith
 * writes one (docs/facts/official-image-charts.md): no chart, so no values keys; the container's and the data
 * volume's names are the wizard's parameters. What the image does is the official image's: $POSTGRES_USER (postgres
 * when unset) is the one superuser, $POSTGRES_PASSWORD or the file $POSTGRES_PASSWORD_FILE names, port 5432 unless
 * $PGPORT. The single row's version (1.0.0) stands for "no chart"; nothing shows it.
 */
final class OwnStatefulSet {
    private OwnStatefulSet() {
    }

    static final List<String> KNOWN = List.of("1.0.0");

    /** The label the patch puts on the pod, and the one carrying the StatefulSet's name (runbook and Schedule select them). */
    static final String POD_LABEL = "backup.pgbackupwizard.io/postgresql";
    static final String NAME_LABEL = "backup.pgbackupwizard.io/statefulset";

    static final FactsTable TABLE = FactsTable
            .from("1.0.0", f -> f
                    .layout("OWN_STATEFULSET", "")
                    .credentials(List.of(), "username", "password", "database")
                    .passwordFiles(false)
                    .superuserPassword(false)
                    .userIsSuperuser(true)
                    // the container is named by the containerName parameter (passed where the alias would be)
                    .container(ContainerNaming.CHART_NAME)
                    .volumes("data")
                    .podLabels(NAME_LABEL, POD_LABEL, "true")
                    .commonLabels(false)
                    .podLabelsRender(true)
                    .image("docker.io", "postgres")
                    .freeRepository("postgres")
                    .imageCheck(ImageCheck.NONE)
                    .resourcesPreset(null)
                    .port(null))
            .done();

    static final Map<String, String> PRESET_MEMORY_LIMITS = Map.of();
}
