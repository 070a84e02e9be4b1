package io.pgbackupwizard.model;

/**
 * The wizard's validated input. Only {@link WizardInputParser} builds one from user input, so every
 * value here has passed its rule; the generator trusts it (and still quotes everything it puts in a shell).
 */
public record WizardInput(
        String name,
        ApiVersion apiVersion,
        ChartVersion chartVersion,
        boolean allowExternal,
        String typeOption,
        String embeddedValue,
        String externalValue,
        String username,
        String database,
        String passwordOption,
        String scratchSize,
        ScratchMedium scratchMedium,
        String mountPath,
        String hookTimeout,
        OnError onError,
        boolean restoreHook,
        String restoreWaitTimeout,
        String restoreExecTimeout,
        // Issue 12, image source: null = the default for the chart version (see image()).
        String imageRegistry,
        String imageRepository,
        String imageTag,
        // Issue 12, container limits: null = computed from the scratch volume (see resources()).
        String cpuLimit,
        String memoryLimit,
        String ephemeralStorageLimit) {

    public ChartGeneration generation() {
        return chartVersion.generation();
    }

    /** The PostgreSQL image, with the defaults for this chart version filled in. */
    public ImageSource image() {
        return ImageSource.of(chartVersion, imageRegistry, imageRepository, imageTag);
    }

    /** The container's requests and limits, or null when the chart sets no limits by default (before 15.0.0). */
    public ResourceLimits resources() {
        if (!ResourceLimits.chartHasPreset(chartVersion)) return null;
        return ResourceLimits.of(Quantity.parse(scratchSize), scratchMedium, quantity(cpuLimit), quantity(memoryLimit),
                quantity(ephemeralStorageLimit));
    }

    private static Quantity quantity(String text) {
        return text == null ? null : Quantity.parse(text);
    }

    /** Names of the external-database config items, derived from the external choice's value. */
    public String externalItem(String suffix) {
        return externalValue + "_" + suffix;
    }

    public static final java.util.List<String> EXTERNAL_ITEM_SUFFIXES = java.util.List.of("host", "port", "user", "password", "db");
}
