package io.pgbackupwizard.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named sets of parameter values a user can start from, as data (the page shows them as links). Same shape as
 * the presets of the image/install work (branch install), which replace this list when merged.
 *
 * @param values only the parameters that differ from the defaults
 * @param warning null when the preset installs as it is
 */
public record Preset(String name, String title, String description, Map<Field, String> values, String warning) {

    public static final Preset NEWEST = new Preset("newest", "Newest chart on kots.io/v1beta2",
            "Chart 17.1.0 with a HelmChart v2 (no builder) and the scratch volume on disk.",
            Map.of(Field.CHART_VERSION, "17.1.0", Field.API_VERSION, "kots.io/v1beta2", Field.SCRATCH_MEDIUM, "Disk"),
            null);

    public static final Preset KOTS_DOCS_2020 = new Preset("kots-docs-2020", "The 2020 KOTS docs' reference example",
            "Chart 8.7.4, kots.io/v1beta1 and a Memory scratch volume, as in Replicated's \"Configuring Backup Hooks\""
                    + " page of 2020 (with its missing host fixed).",
            Map.of(Field.CHART_VERSION, "8.7.4", Field.API_VERSION, "kots.io/v1beta1", Field.SCRATCH_MEDIUM, "Memory"),
            "Chart 8.7.4 names a Debian 10 image Bitnami no longer publishes, and PostgreSQL 11 is end-of-life: use it"
                    + " only with a mirror of that image.");

    public static final Preset LARGE_DATABASE = new Preset("large-database", "Large database",
            "A 50Gi scratch volume on disk (not memory), an hour for the dump and two for the load.",
            Map.of(Field.CHART_VERSION, "17.1.0", Field.SCRATCH_MEDIUM, "Disk", Field.SCRATCH_SIZE, "50Gi",
                    Field.HOOK_TIMEOUT, "1h", Field.RESTORE_EXEC_TIMEOUT, "2h"),
            null);

    public static final List<Preset> ALL = List.of(NEWEST, KOTS_DOCS_2020, LARGE_DATABASE);

    public static Optional<Preset> byName(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst();
    }

    /** The parameters as request parameters (for a link or a parser call). */
    public Map<String, List<String>> params() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        Arrays.stream(Field.values()).filter(values::containsKey).forEach(f -> params.put(f.param(), List.of(values.get(f))));
        return params;
    }
}
