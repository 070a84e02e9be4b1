package io.pgbackupwizard.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.chart.ChartVersion;
import io.pgbackupwizard.chart.Quantity;

/**
 * The wizard's validated input: every {@link Field}'s checked, typed value. Only {@link WizardInputParser}
 * builds one from user input, so every value here has passed its rule; the generator trusts it (and still
 * quotes everything it puts in a shell). The accessors are one line each; a generator may also call
 * {@link #get(Field, Class)} directly.
 */
public final class WizardInput {

    private final Map<Field, Object> values;

    WizardInput(Map<Field, Object> values) {
        if (values.size() != Field.values().length)
            throw new IllegalArgumentException("every field needs a value");
        this.values = new EnumMap<>(values);
    }

    public <T> T get(Field field, Class<T> type) {
        return type.cast(values.get(field));
    }

    public String name() {
        return get(Field.NAME, String.class);
    }

    public ApiVersion apiVersion() {
        return get(Field.API_VERSION, ApiVersion.class);
    }

    /** The chart version given, or the newest the family's facts were checked against. */
    public ChartVersion chartVersion() {
        ChartVersion given = get(Field.CHART_VERSION, ChartVersion.class);
        return given != null ? given : family().newestKnown();
    }

    public boolean allowExternal() {
        return get(Field.ALLOW_EXTERNAL, Boolean.class);
    }

    public String typeOption() {
        return get(Field.TYPE_OPTION, String.class);
    }

    public String embeddedValue() {
        return get(Field.EMBEDDED_VALUE, String.class);
    }

    public String externalValue() {
        return get(Field.EXTERNAL_VALUE, String.class);
    }

    public String username() {
        return get(Field.USERNAME, String.class);
    }

    public String database() {
        return get(Field.DATABASE, String.class);
    }

    public String passwordOption() {
        return get(Field.PASSWORD_OPTION, String.class);
    }

    public String scratchSize() {
        return get(Field.SCRATCH_SIZE, String.class);
    }

    public ScratchMedium scratchMedium() {
        return get(Field.SCRATCH_MEDIUM, ScratchMedium.class);
    }

    /** Where the dump goes: the mount path given, or the chart's own scratch mount where it takes no extra volume. */
    public String mountPath() {
        return chart().usesChartScratch() ? chart().scratchMount() : get(Field.MOUNT_PATH, String.class);
    }

    /**
     * The Config item holding the postgres superuser's password, for a chart that needs the release to set one
     * (chart facts: superuserPasswordPath); generated like the user's.
     */
    public String superuserPasswordOption() {
        return passwordOption() + "_superuser";
    }

    public String hookTimeout() {
        return get(Field.HOOK_TIMEOUT, String.class);
    }

    public OnError onError() {
        return get(Field.ON_ERROR, OnError.class);
    }

    public boolean restoreHook() {
        return get(Field.RESTORE_HOOK, Boolean.class);
    }

    public String restoreWaitTimeout() {
        return get(Field.RESTORE_WAIT_TIMEOUT, String.class);
    }

    public String restoreExecTimeout() {
        return get(Field.RESTORE_EXEC_TIMEOUT, String.class);
    }

    /** The install paths the release serves, at least one, in InstallPath's order. */
    @SuppressWarnings("unchecked")
    public Set<InstallPath> installPaths() {
        return get(Field.INSTALL_PATH, Set.class);
    }

    public boolean serves(InstallPath path) {
        return installPaths().contains(path);
    }

    public DumpFormat dumpFormat() {
        return get(Field.DUMP_FORMAT, DumpFormat.class);
    }

    public HookUser hookUser() {
        return get(Field.HOOK_USER, HookUser.class);
    }

    public OnError restoreOnError() {
        return get(Field.RESTORE_ON_ERROR, OnError.class);
    }

    /** Optional (null = computed): see {@link #image()} and {@link #resources()}. */
    public String imageRegistry() {
        return get(Field.IMAGE_REGISTRY, String.class);
    }

    public String imageRepository() {
        return get(Field.IMAGE_REPOSITORY, String.class);
    }

    public String imageTag() {
        return get(Field.IMAGE_TAG, String.class);
    }

    public String cpuLimit() {
        return get(Field.CPU_LIMIT, String.class);
    }

    public String memoryLimit() {
        return get(Field.MEMORY_LIMIT, String.class);
    }

    public String ephemeralStorageLimit() {
        return get(Field.EPHEMERAL_STORAGE_LIMIT, String.class);
    }

    /** The PostgreSQL image, with the defaults for this chart version filled in. */
    public ImageSource image() {
        return ImageSource.of(chart(), imageRegistry(), imageRepository(), imageTag());
    }

    /** The container's requests and limits, or null when the chart sets no limits by default (before 15.0.0). */
    public ResourceLimits resources() {
        if (!chart().limitsByDefault())
            return null;
        return ResourceLimits.of(Quantity.parse(scratchSize()), scratchMedium(), quantity(cpuLimit()),
                quantity(memoryLimit()), quantity(ephemeralStorageLimit()));
    }

    private static Quantity quantity(String text) {
        return text == null ? null : Quantity.parse(text);
    }

    /** Your own StatefulSet: the container that runs PostgreSQL. */
    public String containerName() {
        return get(Field.CONTAINER_NAME, String.class);
    }

    /** Your own StatefulSet: the volume holding PGDATA. */
    public String dataVolume() {
        return get(Field.DATA_VOLUME, String.class);
    }

    /** The Bitnami chart version the release moves the data off, or null: no move. */
    public ChartVersion migrateFrom() {
        return get(Field.MIGRATE_FROM, ChartVersion.class);
    }

    /** The release moves a live install's data off the Bitnami chart (the old chart stays beside the new one). */
    public boolean migrating() {
        return migrateFrom() != null;
    }

    /** The old chart's Helm release name. */
    public String migrateFromRelease() {
        return get(Field.MIGRATE_FROM_RELEASE, String.class);
    }

    /** The old Bitnami chart's fullname: its Service, pod and (unless an existing one is named) Secret. */
    public String migrateFromFullname() {
        return ChartFamily.BITNAMI.fullname(migrateFromRelease());
    }

    /** The chart's fullname for this release (its Service and, for the official image's charts, its Secret). */
    public String fullname() {
        return family().fullname(name());
    }

    /** The old chart's existingSecret, or null: its own Secret (named like its fullname). */
    public String migrateFromSecret() {
        return get(Field.MIGRATE_FROM_SECRET, String.class);
    }

    /** The key of the postgres superuser's password in the old chart's Secret. */
    public String migrateFromPasswordKey() {
        String given = get(Field.MIGRATE_FROM_PASSWORD_KEY, String.class);
        return given != null ? given : "postgres-password";
    }

    /** The migration chart's release: the new chart's name and this. */
    public static final String MIGRATION_RELEASE_SUFFIX = "-migration";

    /** The migration chart's Helm release (and its HelmChart's name). */
    public String migrationRelease() {
        return name() + MIGRATION_RELEASE_SUFFIX;
    }

    public String migrationTimeout() {
        return get(Field.MIGRATION_TIMEOUT, String.class);
    }

    /** The chart that installs PostgreSQL. */
    public ChartFamily family() {
        return get(Field.CHART_FAMILY, ChartFamily.class);
    }

    /** What the chosen chart version does: values keys, names, image, limits. */
    public ChartFacts chart() {
        return family().facts(chartVersion());
    }

    /** Names of the external-database config items, derived from the external choice's value. */
    public String externalItem(String suffix) {
        return externalValue() + "_" + suffix;
    }

    public static final List<String> EXTERNAL_ITEM_SUFFIXES = List.of("host", "port", "user", "password", "db");

    @Override
    public boolean equals(Object o) {
        return o instanceof WizardInput other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "WizardInput" + values;
    }
}
