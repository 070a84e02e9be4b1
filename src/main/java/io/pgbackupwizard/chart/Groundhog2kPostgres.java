package io.pgbackupwizard.chart;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.chart.ChartFacts.ContainerNaming;
import io.pgbackupwizard.chart.ChartFacts.ImageCheck;

/**
 * The groundhog2k postgres chart on the official postgres image, 1.5.14 to 1.6.7, read from its templates
 * (charts/postgres at groundhog2k/helm-charts; docs/facts/official-image-charts.md). No extra volumes and a read-only
 * root: the dump goes to the chart's own /tmp emptyDir. Its superuser (postgres) and the user of userDatabase are two
 * roles, each with its password in the chart's Secret. ChartFactsTest renders the real charts and checks the row.
 */
final class Groundhog2kPostgres {
    private Groundhog2kPostgres() {
    }

    /** Newest first. */
    static final List<String> KNOWN = List.of("1.6.7", "1.5.14");

    /** The image tag each known version runs (its empty image.tag means the chart's appVersion). */
    static final Map<String, String> IMAGE_TAGS = Map.of("1.6.7", "18.4", "1.5.14", "17.10");

    static final Map<String, String> PRESET_MEMORY_LIMITS = Map.of();

    /** The data volume (an emptyDir unless storage.requestedSize is set) and the chart's writable emptyDirs. */
    static final List<String> ANY_VERSION_VOLUMES = List.of("postgres-data", "run", "tmp", "scripts", "configs");

    static final FactsTable TABLE = FactsTable
            .from("1.5.14", f -> f
                    .layout("USER_DATABASE", "")
                    // userDatabase: {name: {value}, user: {value}, password: {value}}, made by its init script
                    .credentials(List.of("userDatabase"), "user", "password", "name")
                    .credentialValues("value")
                    .passwordFiles(false)
                    // the official image refuses to initialise without POSTGRES_PASSWORD, which only this sets
                    .superuserPasswordAt("settings", "superuserPassword", "value")
                    .superuserPassword(true)
                    .userIsSuperuser(false)
                    .passwordVariables("USERDB_PASSWORD", "POSTGRES_PASSWORD")
                    .container(ContainerNaming.CHART_NAME)
                    .volumes("run", "tmp", "scripts", "configs", "initscripts", "postgres-data")
                    .chartScratch("tmp", "/tmp")
                    .podLabels("app.kubernetes.io/instance", "app.kubernetes.io/name", "postgres")
                    .commonLabels(false)
                    // customLabels reach the StatefulSet only; the Service, Secret and ConfigMaps take no labels
                    .workloadLabels("customLabels")
                    .pullSecretsAsRefs(true)
                    .podLabelsRender(true)
                    // the tag is empty: the chart's appVersion
                    .image("docker.io", "postgres")
                    .freeRepository("postgres")
                    .imageCheck(ImageCheck.NONE)
                    .resourcesPreset(null)
                    .port(null))
            .done();
}
