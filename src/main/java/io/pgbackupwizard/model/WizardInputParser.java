package io.pgbackupwizard.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.chart.Quantity;

/**
 * Turns raw request parameters (form, query string or JSON, all as strings) into a {@link WizardInput},
 * or into the list of every problem found, one per parameter. Parameters left out take their defaults.
 */
public final class WizardInputParser {

    /** Longest raw value looked at; anything longer is rejected before any rule runs. */
    public static final int MAX_VALUE_LENGTH = 256;

    /** More parameters than this is a flood, not a form: refused with one error, none looked at. */
    public static final int MAX_PARAMETERS = 64;

    /** Unknown names reported one by one; the rest are summed up in one error (a flood must not make a huge page). */
    public static final int MAX_UNKNOWN_REPORTED = 5;

    private final Map<Field, String> defaults;

    public WizardInputParser() {
        this(Map.of());
    }

    /** @param overrides defaults that differ from {@link Field#defaultValue()} (operator configuration) */
    public WizardInputParser(Map<Field, String> overrides) {
        Map<Field, String> d = new EnumMap<>(Field.class);
        for (Field f : Field.values())
            d.put(f, overrides.getOrDefault(f, f.defaultValue()));
        this.defaults = Map.copyOf(d);
    }

    public String defaultValue(Field field) {
        return defaults.get(field);
    }

    /** The outcome: exactly one of input and errors is meaningful. */
    public record Result(WizardInput input, List<FieldError> errors, Map<String, String> values) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * @param params every parameter as given, possibly repeated; unknown or repeated names are errors
     *        (a typo such as "chartversion" must not silently fall back to a default)
     */
    public Result parse(Map<String, List<String>> params) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : Field.values())
            values.put(f.param(), defaults.get(f));
        if (params.size() > MAX_PARAMETERS) {
            return new Result(null, List.of(new FieldError("parameters",
                    "too many (" + params.size() + "; at most " + MAX_PARAMETERS + ")")), values);
        }
        int[] unknown = { 0 };
        params.forEach((name, given) -> {
            if (Field.byParam(name).isEmpty()) {
                // The known names are listed once, in the first unknown-parameter error only.
                if (++unknown[0] <= MAX_UNKNOWN_REPORTED) {
                    String meant = Suggestions.name(name, Field.params()).map(k -> "; did you mean " + k + "?").orElse("");
                    errors.add(new FieldError(safeName(name), unknown[0] == 1
                            ? "unknown parameter" + meant + " (known: " + String.join(", ", Field.params()) + ")"
                            : "unknown parameter" + meant));
                }
            } else if (given.size() > 1 && Field.byParam(name).get().control().kind() == Control.Kind.CHECKBOXES) {
                // Checkboxes send the parameter once per ticked box (and the form an empty one, so that none ticked is
                // an error, not the default): the same as one comma-separated value of the ticked ones.
                values.put(name, String.join(InstallPath.SEPARATOR,
                        given.stream().map(v -> v == null ? "" : v.strip()).filter(v -> !v.isEmpty()).toList()));
            } else if (given.size() > 1) {
                errors.add(new FieldError(name, "given more than once"));
            } else if (!given.isEmpty()) {
                // Spaces around a value are a paste's, never meant (no value here may start or end with one); a value
                // too long is left whole for check() to refuse.
                String raw = given.get(0) == null ? "" : given.get(0);
                values.put(name, raw.length() > MAX_VALUE_LENGTH ? raw : raw.strip());
            }
        });
        if (unknown[0] > MAX_UNKNOWN_REPORTED) {
            errors.add(
                    new FieldError("parameters", (unknown[0] - MAX_UNKNOWN_REPORTED) + " more unknown parameters not listed"));
        }
        Map<Field, Object> checked = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            Object v = check(f, values.get(f.param()), errors);
            if (v == OMITTED)
                checked.put(f, null); // an optional field left empty: its default is computed
            else if (v != null)
                checked.put(f, v);
        }
        if (!errors.isEmpty())
            return new Result(null, List.copyOf(errors), values);
        // Several install paths in any order or spelling ("helm, kots") link back as one canonical value.
        @SuppressWarnings("unchecked")
        Set<InstallPath> paths = (Set<InstallPath>) checked.get(Field.INSTALL_PATH);
        values.put(Field.INSTALL_PATH.param(), InstallPath.text(paths));

        WizardInput input = new WizardInput(checked);
        if (!checkChartVersion(input, errors))
            return new Result(null, List.copyOf(errors), values);
        checkConfigItemsDistinct(input, errors);
        checkInstallPath(input, errors);
        checkLimitsHoldScratch(input, errors);
        checkMigration(input, errors);
        if (input.username().equals("postgres") && input.chart().superuserPasswordPath() != null) {
            errors.add(new FieldError(Field.USERNAME.param(), "must not be postgres on " + input.family().title()
                    + ": the chart creates the Database user as a second role beside its superuser postgres"));
        }
        if (input.family().backsItselfUp()) {
            // no hooks: the hook user has no effect (Field.noEffectOn)
        } else if (input.hookUser() == HookUser.postgres && input.chart().userIsSuperuser()) {
            errors.add(new FieldError(Field.HOOK_USER.param(), "must be app on " + input.family().title() + ": its image makes"
                    + " the Database user the superuser ($POSTGRES_USER), and no postgres role exists unless that user is"
                    + " named postgres"));
        } else if (input.hookUser() == HookUser.postgres && !input.chart().superuserPassword()) {
            // 8.x-10.x give the container a postgres password only when the chart is given one
            errors.add(new FieldError(Field.HOOK_USER.param(),
                    "postgres needs chart " + input.family().versionsWhere(ChartFacts::superuserPassword) + " (older charts "
                            + "set no $POSTGRES_POSTGRES_PASSWORD unless given postgresqlPostgresPassword)"));
        }
        return errors.isEmpty() ? new Result(input, List.of(), values) : new Result(null, List.copyOf(errors), values);
    }

    /** The version must be one the chosen family's facts describe; every later check asks those facts. */
    private static boolean checkChartVersion(WizardInput in, List<FieldError> errors) {
        try {
            in.family().version(in.chartVersion().text());
            return true;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(Field.CHART_VERSION.param(), e.getMessage()));
            return false;
        }
    }

    /** The Config defines these items side by side, so no two may share a name. */
    private static void checkConfigItemsDistinct(WizardInput in, List<FieldError> errors) {
        if (in.embeddedValue().equals(in.externalValue())) {
            errors.add(new FieldError(Field.EXTERNAL_VALUE.param(), "must differ from embeddedValue"));
        }
        Set<String> items = new HashSet<>();
        items.add(in.typeOption());
        if (!items.add(in.passwordOption())) {
            errors.add(new FieldError(Field.PASSWORD_OPTION.param(), "must differ from typeOption: both are config items"));
        }
        if (in.chart().superuserPasswordPath() != null && !items.add(in.superuserPasswordOption())) {
            errors.add(new FieldError(Field.PASSWORD_OPTION.param(), "makes the config item " + in.superuserPasswordOption()
                    + " (the superuser's password), which typeOption already names"));
        }
        if (in.allowExternal()) {
            for (String suffix : WizardInput.EXTERNAL_ITEM_SUFFIXES) {
                if (!items.add(in.externalItem(suffix))) {
                    errors.add(new FieldError(Field.EXTERNAL_VALUE.param(),
                            "makes the config item " + in.externalItem(suffix) + ", which another option already uses"));
                }
            }
        }
    }

    /** Install path: Embedded Cluster v3 installs only HelmChart v2 charts. */
    private static void checkInstallPath(WizardInput in, List<FieldError> errors) {
        // (your own StatefulSet gets no HelmChart: its API version does nothing)
        if (in.serves(InstallPath.EMBEDDED_V3) && in.apiVersion() != ApiVersion.V1BETA2 && !in.family().ownWorkload()) {
            errors.add(new FieldError(Field.API_VERSION.param(), "must be kots.io/v1beta2 for installPath embedded-v3 "
                    + "(Embedded Cluster v3 installs only HelmChart v2)"));
        }
    }

    /**
     * Given limits must hold the scratch volume (computed ones always do), and apply only to charts that
     * limit the container by default: a limit the wizard would not write must not be silently dropped.
     */
    private static void checkLimitsHoldScratch(WizardInput in, List<FieldError> errors) {
        Map<Field, String> given = new EnumMap<>(Field.class);
        if (in.cpuLimit() != null)
            given.put(Field.CPU_LIMIT, in.cpuLimit());
        if (in.memoryLimit() != null)
            given.put(Field.MEMORY_LIMIT, in.memoryLimit());
        if (in.ephemeralStorageLimit() != null)
            given.put(Field.EPHEMERAL_STORAGE_LIMIT, in.ephemeralStorageLimit());
        if (given.isEmpty())
            return;
        // refused, not ignored, where the family writes no limits at all (the form switches the fields off)
        for (Field f : given.keySet()) {
            f.noEffectOn(in.family()).ifPresent(reason -> errors.add(new FieldError(f.param(),
                    Character.toLowerCase(reason.charAt(0)) + reason.substring(1) + " Leave it empty.")));
        }
        if (given.keySet().stream().anyMatch(f -> f.noEffectOn(in.family()).isPresent()))
            return;
        if (!in.chart().limitsByDefault()) {
            given.keySet().forEach(f -> errors.add(new FieldError(f.param(), "applies only to charts that limit the"
                    + " container by default (" + limitingCharts() + "): " + in.family().title() + " " + in.chartVersion()
                    + " sets no limits, so the scratch volume is bounded by its sizeLimit; leave it empty")));
            return;
        }
        Quantity scratch = Quantity.parse(in.scratchSize());
        ResourceLimits limits = in.resources();
        String problem;
        if (in.memoryLimit() != null
                && (problem = ResourceLimits.memoryProblem(limits.memory(), scratch, in.scratchMedium())) != null) {
            errors.add(new FieldError(Field.MEMORY_LIMIT.param(), problem));
        }
        if (in.ephemeralStorageLimit() != null && (problem = ResourceLimits.ephemeralStorageProblem(
                limits.ephemeralStorage(), scratch, in.scratchMedium())) != null) {
            errors.add(new FieldError(Field.EPHEMERAL_STORAGE_LIMIT.param(), problem));
        }
    }

    /**
     * A move off the Bitnami chart: to a chart the Job can run in (the official image's charts), on the paths whose
     * installer orders charts by weight, under a release name of its own, in an image whose tag the wizard knows.
     */
    private static void checkMigration(WizardInput in, List<FieldError> errors) {
        if (!in.migrating())
            return;
        String from = Field.MIGRATE_FROM.param();
        if (!in.family().migrationTarget()) {
            errors.add(new FieldError(from, "moves data to " + ChartFamily.migrationTargets() + " only; chartFamily is "
                    + in.family().title() + (in.family() == ChartFamily.BITNAMI ? " (the same chart: upgrade it instead)"
                            : ": not generated yet")));
            return;
        }
        if (InstallPath.anyReplicated(in.installPaths()))
            checkMigrationReleases(in, errors);
        boolean tagKnown = in.family().chartImageTag(in.chartVersion()).isPresent();
        if (InstallPath.anyReplicated(in.installPaths()) && in.imageTag() == null && !tagKnown) {
            errors.add(new FieldError(Field.IMAGE_TAG.param(), "must be given to move data to " + in.family().title() + " "
                    + in.chartVersion() + ": the copy Job runs the new chart's image, and the wizard knows its tag only"
                    + " for " + String.join(", ", in.family().knownVersions())));
        } else if (in.serves(InstallPath.HELM) && !tagKnown) {
            // the Helm CLI values leave the chart's image alone, so the Job runs the chart version's own tag
            errors.add(new FieldError(Field.CHART_VERSION.param(), "must be one whose image tag the wizard knows to move"
                    + " data on the Helm CLI (" + String.join(", ", in.family().knownVersions()) + "): the copy Job runs"
                    + " the new chart's own image"));
        }
    }

    /** The Replicated installers install each chart as a Helm release of its own, in one namespace. */
    private static void checkMigrationReleases(WizardInput in, List<FieldError> errors) {
        if (in.name().length() + WizardInput.MIGRATION_RELEASE_SUFFIX.length() > 53) {
            errors.add(new FieldError(Field.NAME.param(),
                    "must be at most " + (53 - WizardInput.MIGRATION_RELEASE_SUFFIX.length())
                            + " characters to move data: the migration chart's release is named <name>"
                            + WizardInput.MIGRATION_RELEASE_SUFFIX + ", and Helm release names hold at most 53"));
        }
        if (in.name().equals(in.migrateFromRelease()) || in.migrationRelease().equals(in.migrateFromRelease())) {
            errors.add(new FieldError(Field.NAME.param(), "must differ from migrateFromRelease (" + in.migrateFromRelease()
                    + "): the new chart and the migration chart (" + in.migrationRelease() + ") are Helm releases of"
                    + " their own beside the old one; try " + in.family().chartName() + "-new"));
        } else if (in.migrateFromFullname().equals(in.fullname())) {
            errors.add(new FieldError(Field.NAME.param(), "must give the new chart a release of its own beside the old"
                    + " one: both would be named " + in.fullname() + " (migrateFromRelease is "
                    + in.migrateFromRelease() + "); try " + in.family().chartName() + "-new"));
        }
    }

    /** "Bitnami postgresql 15.0.0 and later", from the facts of every family. */
    private static String limitingCharts() {
        List<String> out = new ArrayList<>();
        for (ChartFamily f : ChartFamily.values()) {
            String versions = f.versionsWhere(ChartFacts::limitsByDefault);
            if (!versions.equals("none"))
                out.add(f.title() + " " + versions);
        }
        return String.join(", ", out);
    }

    /** Hostile parameter names are echoed back, so keep them short and printable. */
    private static String safeName(String name) {
        String printable = name.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }

    /** What check() returns for an optional field left empty (null means the value was refused). */
    private static final Object OMITTED = new Object();

    /** Applies the field's rule, collecting the error instead of stopping at the first. */
    private static Object check(Field field, String v, List<FieldError> errors) {
        if (v.length() > MAX_VALUE_LENGTH) {
            errors.add(new FieldError(field.param(), "is too long (at most " + MAX_VALUE_LENGTH + " characters)"));
            return null;
        }
        if (v.isEmpty()) {
            if (field.optional())
                return OMITTED;
            errors.add(new FieldError(field.param(), "must not be empty (" + field.rule() + ")"));
            return null;
        }
        try {
            return field.check(v);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field.param(), e.getMessage()));
            return null;
        }
    }
}
