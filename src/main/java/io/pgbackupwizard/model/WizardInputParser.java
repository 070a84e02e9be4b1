package io.pgbackupwizard.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns raw request parameters (form, query string or JSON, all as strings) into a {@link WizardInput},
 * or into the list of every problem found, one per parameter. Parameters left out take their defaults.
 */
public final class WizardInputParser {

    /** Longest raw value looked at; anything longer is rejected before any rule runs. */
    public static final int MAX_VALUE_LENGTH = 256;

    private final Map<Field, String> defaults;

    public WizardInputParser() {
        this(Map.of());
    }

    /** @param overrides defaults that differ from {@link Field#defaultValue()} (operator configuration) */
    public WizardInputParser(Map<Field, String> overrides) {
        Map<Field, String> d = new EnumMap<>(Field.class);
        for (Field f : Field.values()) d.put(f, overrides.getOrDefault(f, f.defaultValue()));
        this.defaults = Map.copyOf(d);
    }

    public String defaultValue(Field field) {
        return defaults.get(field);
    }

    /** The outcome: exactly one of input and errors is meaningful. */
    public record Result(WizardInput input, List<FieldError> errors, Map<String, String> values) {
        public boolean ok() { return errors.isEmpty(); }
    }

    /**
     * @param params every parameter as given, possibly repeated; unknown or repeated names are errors
     *               (a typo such as "chartversion" must not silently fall back to a default)
     */
    public Result parse(Map<String, List<String>> params) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : Field.values()) values.put(f.param(), defaults.get(f));
        params.forEach((name, given) -> {
            if (Field.byParam(name).isEmpty()) {
                errors.add(new FieldError(safeName(name), "unknown parameter (known: " + String.join(", ", Field.params()) + ")"));
            } else if (given.size() > 1) {
                errors.add(new FieldError(name, "given more than once"));
            } else if (!given.isEmpty()) {
                values.put(name, given.get(0) == null ? "" : given.get(0));
            }
        });
        Reader r = new Reader(values, errors);
        String name = r.get(Field.NAME, v -> ValueRules.dnsLabel(v, 53));
        ApiVersion apiVersion = r.get(Field.API_VERSION, ApiVersion::parse);
        ChartVersion chartVersion = r.get(Field.CHART_VERSION, ChartVersion::parse);
        Boolean allowExternal = r.get(Field.ALLOW_EXTERNAL, ValueRules::bool);
        String typeOption = r.get(Field.TYPE_OPTION, ValueRules::kotsItemName);
        String embeddedValue = r.get(Field.EMBEDDED_VALUE, ValueRules::kotsItemName);
        String externalValue = r.get(Field.EXTERNAL_VALUE, ValueRules::kotsItemName);
        String username = r.get(Field.USERNAME, v -> ValueRules.postgresName(v, true));
        String database = r.get(Field.DATABASE, v -> ValueRules.postgresName(v, false));
        String passwordOption = r.get(Field.PASSWORD_OPTION, ValueRules::kotsItemName);
        String scratchSize = r.get(Field.SCRATCH_SIZE, ValueRules::positiveQuantity);
        ScratchMedium scratchMedium = r.get(Field.SCRATCH_MEDIUM, ScratchMedium::parse);
        String mountPath = r.get(Field.MOUNT_PATH, ValueRules::absolutePath);
        String hookTimeout = r.get(Field.HOOK_TIMEOUT, ValueRules::positiveDuration);
        OnError onError = r.get(Field.ON_ERROR, OnError::parse);
        Boolean restoreHook = r.get(Field.RESTORE_HOOK, ValueRules::bool);
        String restoreWaitTimeout = r.get(Field.RESTORE_WAIT_TIMEOUT, ValueRules::positiveDuration);
        String restoreExecTimeout = r.get(Field.RESTORE_EXEC_TIMEOUT, ValueRules::positiveDuration);
        // Issue 12: optional fields; empty means the computed default.
        String imageRegistry = r.optional(Field.IMAGE_REGISTRY, ValueRules::imageRegistry);
        String imageRepository = r.optional(Field.IMAGE_REPOSITORY, ValueRules::imageRepository);
        String imageTag = r.optional(Field.IMAGE_TAG, ValueRules::imageTag);
        String cpuLimit = r.optional(Field.CPU_LIMIT, ValueRules::cpuLimit);
        String memoryLimit = r.optional(Field.MEMORY_LIMIT, ValueRules::positiveQuantity);
        String ephemeralStorageLimit = r.optional(Field.EPHEMERAL_STORAGE_LIMIT, ValueRules::positiveQuantity);
        if (!errors.isEmpty()) return new Result(null, List.copyOf(errors), values);

        WizardInput input = new WizardInput(name, apiVersion, chartVersion, allowExternal, typeOption, embeddedValue,
                externalValue, username, database, passwordOption, scratchSize, scratchMedium, mountPath, hookTimeout,
                onError, restoreHook, restoreWaitTimeout, restoreExecTimeout, imageRegistry, imageRepository, imageTag,
                cpuLimit, memoryLimit, ephemeralStorageLimit);
        checkConfigItemsDistinct(input, errors);
        checkLimitsHoldScratch(input, errors);
        return errors.isEmpty() ? new Result(input, List.of(), values) : new Result(null, List.copyOf(errors), values);
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
        if (in.allowExternal()) {
            for (String suffix : WizardInput.EXTERNAL_ITEM_SUFFIXES) {
                if (!items.add(in.externalItem(suffix))) {
                    errors.add(new FieldError(Field.EXTERNAL_VALUE.param(),
                            "makes the config item " + in.externalItem(suffix) + ", which another option already uses"));
                }
            }
        }
    }

    /**
     * Given limits must hold the scratch volume (computed ones always do), and apply only to charts that
     * limit the container by default: a limit the wizard would not write must not be silently dropped.
     */
    private static void checkLimitsHoldScratch(WizardInput in, List<FieldError> errors) {
        Map<Field, String> given = new EnumMap<>(Field.class);
        if (in.cpuLimit() != null) given.put(Field.CPU_LIMIT, in.cpuLimit());
        if (in.memoryLimit() != null) given.put(Field.MEMORY_LIMIT, in.memoryLimit());
        if (in.ephemeralStorageLimit() != null) given.put(Field.EPHEMERAL_STORAGE_LIMIT, in.ephemeralStorageLimit());
        if (given.isEmpty()) return;
        if (!ResourceLimits.chartHasPreset(in.chartVersion())) {
            given.keySet().forEach(f -> errors.add(new FieldError(f.param(), "applies to chart 15.0.0 and later only: chart "
                    + in.chartVersion() + " sets no limits (only requests), so the scratch volume is bounded by its sizeLimit;"
                    + " leave it empty")));
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

    /** Hostile parameter names are echoed back, so keep them short and printable. */
    private static String safeName(String name) {
        String printable = name.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }

    /** Applies one rule per field, collecting the error instead of stopping at the first. */
    private record Reader(Map<String, String> values, List<FieldError> errors) {
        <T> T get(Field field, Function<String, T> rule) {
            String v = values.get(field.param());
            if (v.length() > MAX_VALUE_LENGTH) {
                errors.add(new FieldError(field.param(), "is too long (at most " + MAX_VALUE_LENGTH + " characters)"));
                return null;
            }
            if (v.isEmpty()) {
                errors.add(new FieldError(field.param(), "must not be empty (" + field.rule() + ")"));
                return null;
            }
            return apply(field, v, rule);
        }

        /** For fields whose empty value means "computed": null then. */
        <T> T optional(Field field, Function<String, T> rule) {
            String v = values.get(field.param());
            if (v.length() > MAX_VALUE_LENGTH) {
                errors.add(new FieldError(field.param(), "is too long (at most " + MAX_VALUE_LENGTH + " characters)"));
                return null;
            }
            return v.isEmpty() ? null : apply(field, v, rule);
        }

        private <T> T apply(Field field, String v, Function<String, T> rule) {
            try {
                return rule.apply(v);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field.param(), e.getMessage()));
                return null;
            }
        }
    }
}
