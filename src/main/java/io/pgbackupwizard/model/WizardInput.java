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
        // issue 11
        DumpFormat dumpFormat,
        HookUser hookUser,
        OnError restoreOnError) {

    public ChartGeneration generation() {
        return chartVersion.generation();
    }

    /** Names of the external-database config items, derived from the external choice's value. */
    public String externalItem(String suffix) {
        return externalValue + "_" + suffix;
    }

    public static final java.util.List<String> EXTERNAL_ITEM_SUFFIXES = java.util.List.of("host", "port", "user", "password", "db");
}
