package io.pgbackupwizard.chart;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.chart.ChartFacts.ContainerNaming;
import io.pgbackupwizard.chart.ChartFacts.ImageCheck;

/**
 * The CloudPirates postgres chart on the official postgres image, 0.16.2 to 0.20.1, read from its templates
 * (charts/postgres at CloudPirates-io/helm-charts; docs/facts/official-image-charts.md). ChartFactsTest renders the
 * real charts and checks the row.
 */
final class CloudPiratesPostgres {
    private CloudPiratesPostgres() {
    }

    /** Newest first. */
    static final List<String> KNOWN = List.of("0.20.1", "0.16.2");

    /** The image tag each known version's values.yaml names (its digest included): the migration Job runs it. */
    static final Map<String, String> IMAGE_TAGS = Map.of(
            "0.20.1", "18.6@sha256:06cad38a5d9f5d24b4d83d86def30795d5e4b757fedbf5281172b576dedcd941",
            "0.16.2", "18.2@sha256:9b5bd946f3a507db72c55959700e517463e8d5dbb6f7eb30d920d5bcf6951431");

    /** The chart has no resources presets: resources is {} unless set. */
    static final Map<String, String> PRESET_MEMORY_LIMITS = Map.of();

    /** The data volume and the writable emptyDirs of /var/run/postgresql and /tmp (config and init scripts are ConfigMaps). */
    static final List<String> ANY_VERSION_VOLUMES = List.of("data", "run", "tmp");

    static final FactsTable TABLE = FactsTable
            .from("0.16.2", f -> f
                    .layout("TOP_LEVEL", "")
                    // auth.username is "a custom superuser" (POSTGRES_USER): the image creates no postgres role then
                    .credentials(List.of("auth"), "username", "password", "database")
                    .passwordFiles(false)
                    .superuserPassword(false)
                    .userIsSuperuser(true)
                    .container(ContainerNaming.CHART_NAME)
                    .volumes("data", "config", "run", "tmp")
                    .podLabels("app.kubernetes.io/instance", "app.kubernetes.io/name", "postgres")
                    .commonLabels(true)
                    .podLabelsRender(true)
                    // the tag carries the digest ("18.6@sha256:..."): kept when the registry is rewritten
                    .image("docker.io", "postgres")
                    .freeRepository("postgres")
                    .imageCheck(ImageCheck.NONE)
                    .resourcesPreset(null)
                    // no port variable: the server listens on the image's default (service.targetPort 5432)
                    .port(null))
            .done();
}
