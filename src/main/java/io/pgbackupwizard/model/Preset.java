package io.pgbackupwizard.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Named sets of parameter values a user can add to the form: a preset sets only its own parameters and keeps every
 * other value (web/PresetLink). The reference example of the 2020 KOTS docs (chart 8.7.4, v1beta1, a Memory
 * scratch) stays one click away, with the reason it no longer installs; a large database. An air-gapped KOTS install
 * needs no preset: the KOTS path's v1beta2 HelmChart already follows a local registry (model/InstallPath says so).
 *
 * @param values only the parameters the preset sets
 * @param warning null when the preset installs as it is
 */
public record Preset(String name, String title, String description, Map<Field, String> values, String warning) {

    public static final Preset KOTS_DOCS_2020 = new Preset("kots-docs-2020", "The 2020 KOTS docs' reference example",
            "Chart 8.7.4, kots.io/v1beta1 and a Memory scratch volume, as in Replicated's \"Configuring Backup Hooks\""
                    + " page of 2020 (with its missing host fixed).",
            Map.of(Field.INSTALL_PATH, "kots", Field.CHART_VERSION, "8.7.4", Field.API_VERSION, "kots.io/v1beta1",
                    Field.SCRATCH_MEDIUM, "Memory"),
            "Does not install in 2026: chart 8.7.4 names a Debian 10 image (bitnami/postgresql:11.7.0-debian-10-r71)"
                    + " that Bitnami did not copy to docker.io/bitnamilegacy, so no free image exists, and PostgreSQL 11"
                    + " is end-of-life. kots.io/v1beta1 is deprecated. Use it only with a vendor mirror of that image"
                    + " (imageRegistry, imageRepository).");

    public static final Preset LARGE_DATABASE = new Preset("large-database", "Large database",
            "pg_dump's custom format (compressed; pg_restore loads it), a 50Gi Disk scratch volume and two hours"
                    + " for the dump and for the restore.",
            Map.of(Field.DUMP_FORMAT, "custom", Field.SCRATCH_SIZE, "50Gi", Field.SCRATCH_MEDIUM, "Disk",
                    Field.HOOK_TIMEOUT, "2h", Field.RESTORE_EXEC_TIMEOUT, "2h", Field.RESTORE_WAIT_TIMEOUT, "30m"),
            null);

    public static final Preset CLOUDPIRATES = new Preset("cloudpirates", "Off Bitnami: CloudPirates postgres",
            "The CloudPirates postgres chart on the official postgres image (pinned by digest), where many vendors went"
                    + " when Bitnami froze its images: hooks as its superuser, uid 999, its volumes left out.",
            Map.of(Field.CHART_FAMILY, "cloudpirates"),
            null);

    public static final Preset GROUNDHOG2K = new Preset("groundhog2k", "Off Bitnami: groundhog2k postgres",
            "The groundhog2k postgres chart on the official postgres image: a read-only root and no extra volumes, so"
                    + " the dump goes to its own /tmp emptyDir; its superuser's password is generated beside the user's.",
            Map.of(Field.CHART_FAMILY, "groundhog2k"),
            null);

    public static final Preset CLOUDNATIVEPG = new Preset("cloudnativepg", "Off Bitnami: CloudNativePG",
            "A CloudNativePG cluster, where most vendors went: no Velero hooks, the operator archives to an object store"
                    + " (Barman Cloud plugin) and a restore switch recovers from it; snapshots leave the cluster out.",
            Map.of(Field.CHART_FAMILY, "cloudnativepg"),
            null);

    public static final Preset STATEFULSET = new Preset("statefulset", "Off Bitnami: your own StatefulSet",
            "Your own StatefulSet on the official postgres image, as Replicated's Chartsmith writes it (container"
                    + " postgresql, data volume data, POSTGRES_USER unset: postgres): a patch adds the hooks and the"
                    + " scratch volume.",
            Map.of(Field.CHART_FAMILY, "statefulset", Field.USERNAME, "postgres", Field.DATABASE, "postgres"),
            null);

    public static final java.util.List<Preset> ALL = java.util.List.of(KOTS_DOCS_2020, LARGE_DATABASE, CLOUDPIRATES,
            GROUNDHOG2K, CLOUDNATIVEPG, STATEFULSET);

    public static Optional<Preset> byName(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst();
    }

    /** The parameters as request parameters (for a link or a parser call). */
    public Map<String, java.util.List<String>> params() {
        Map<String, java.util.List<String>> params = new java.util.LinkedHashMap<>();
        Arrays.stream(Field.values()).filter(values::containsKey)
                .forEach(f -> params.put(f.param(), java.util.List.of(values.get(f))));
        return params;
    }
}
