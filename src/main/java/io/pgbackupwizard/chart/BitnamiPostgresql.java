package io.pgbackupwizard.chart;

import java.util.List;
import java.util.Map;

import io.pgbackupwizard.chart.ChartFacts.ContainerNaming;
import io.pgbackupwizard.chart.ChartFacts.ImageCheck;

/**
 * The Bitnami postgresql chart, 8.0.0 to 17.1.0 (its last GitHub source), read from each generation's rendered
 * templates (docs/facts/bitnami-chart.md). ChartFactsTest renders the real charts and checks every row.
 */
final class BitnamiPostgresql {
    private BitnamiPostgresql() {
    }

    /** Latest release of each major (newest first), plus the 2020 Replicated example's 8.7.4. */
    static final List<String> KNOWN = List.of(
            "17.1.0", "16.7.27", "15.5.38", "14.3.3", "13.4.4", "12.12.10", "11.9.13", "10.16.3",
            "9.8.13", "8.10.14", "8.7.4");

    /** Memory limits of the chart's resource presets (bitnami/common _resources.tpl). */
    static final Map<String, String> PRESET_MEMORY_LIMITS = Map.of("nano", "192Mi", "micro", "384Mi", "small", "768Mi",
            "medium", "1536Mi", "large", "3072Mi", "xlarge", "6144Mi", "2xlarge", "12288Mi");

    /** The chart's own volumes across versions (data, /dev/shm, 14.x's empty-dir); the password volume is a Secret. */
    static final List<String> ANY_VERSION_VOLUMES = List.of("data", "empty-dir", "dshm");

    static final FactsTable TABLE = FactsTable
            .from("8.0.0", f -> f
                    .layout("MASTER", "master")
                    .credentials(List.of("global", "postgresql"), "postgresqlUsername", "postgresqlPassword",
                            "postgresqlDatabase")
                    .passwordFiles(false, "usePasswordFile")
                    // 8.x/9.x: only when given postgresqlPostgresPassword (10.16.2 sets it; earlier 10.x unchecked)
                    .superuserPassword(false)
                    .container(ContainerNaming.FULLNAME)
                    .volumes("data", "dshm")
                    .podLabels("release", "app", "postgresql", "role", "master")
                    .commonLabels(false)
                    // the StatefulSet writes master.podLabels with indent, not nindent: invalid YAML (8.7.4 breaks,
                    // 9.8.12 renders; the 9.x before it are not among the test inputs)
                    .podLabelsRender(false)
                    // Debian 10 tags, which were not copied to bitnamilegacy in 2025
                    .image("docker.io", "bitnami/postgresql")
                    .freeRepository(null)
                    .imageCheck(ImageCheck.NONE)
                    .resourcesPreset(null)
                    .port("POSTGRESQL_PORT_NUMBER")
                    .userIsSuperuser(false)
                    .passwordVariables("POSTGRES_PASSWORD", "POSTGRES_POSTGRES_PASSWORD"))
            .since("9.0.0", f -> f
                    .podLabels("app.kubernetes.io/instance", "app.kubernetes.io/name", "postgresql", "role", "master")
                    .podLabelsRender(true))
            .since("10.0.0", f -> f
                    .layout("PRIMARY", "primary")
                    .podLabels("app.kubernetes.io/instance", "app.kubernetes.io/name", "postgresql",
                            "app.kubernetes.io/component", "primary")
                    .commonLabels(true))
            .since("11.0.0", f -> f
                    .layout("AUTH", "primary")
                    .credentials(List.of("global", "postgresql", "auth"), "username", "password", "database")
                    .passwordFiles(false, "auth", "usePasswordFiles")
                    .superuserPassword(true)
                    .container(ContainerNaming.POSTGRESQL)
                    .freeRepository("bitnamilegacy/postgresql"))
            .since("14.0.0", f -> f.volumes("data", "dshm", "empty-dir"))
            // 14.x has the key set to "none"
            .since("15.0.0", f -> f.resourcesPreset("nano"))
            // bitnami/common 2.28.0 (PR #30936): NOTES.txt fails on images it does not know
            .since("16.3.0", f -> f.imageCheck(ImageCheck.FAILS))
            .since("16.6.0", f -> f
                    .layout("PASSWORD_FILES", "primary")
                    .passwordFiles(true, "auth", "usePasswordFiles")
                    .volumes("data", "dshm", "empty-dir", "postgresql-password"))
            // bitnami/common 2.31.4: the same image under bitnamilegacy only warns
            .since("16.7.25", f -> f.imageCheck(ImageCheck.LEGACY_WARNS))
            .done();
}
