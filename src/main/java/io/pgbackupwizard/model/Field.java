package io.pgbackupwizard.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every parameter the wizard accepts, each defined once: name, default, label, help, rule (in words and as
 * code) and form control. The same names serve the HTML form, the query string of the download URLs and the
 * JSON API; the parser, the form, OpenAPI, the plain-text help and the README table all read this enum.
 * Adding a parameter: one entry here, one typed accessor in {@link WizardInput}, and the generator that uses it.
 */
public enum Field {
    NAME("name", "postgresql", "HelmChart name",
            "metadata.name of the HelmChart; also the Helm release name when it is not the chart's own name.",
            "a DNS-1123 label of at most 53 characters: lower-case letters, digits and '-'",
            Control.TEXT,
            v -> ValueRules.dnsLabel(v, 53)),
    API_VERSION("apiVersion", "kots.io/v1beta1", "KOTS HelmChart API version",
            "apiVersion of the HelmChart. v1beta2 needs no builder and moves releaseName from spec.chart to spec.",
            "kots.io/v1beta1 or kots.io/v1beta2",
            Control.select(ApiVersion.texts()),
            ApiVersion::parse),
    CHART_VERSION("chartVersion", "8.7.4", "Bitnami postgresql chart version",
            "spec.chart.chartVersion; it also decides the values layout (master.* or primary.*, credential keys).",
            "a semantic version, 8.0.0 or later",
            Control.suggest(ChartVersion.KNOWN),
            ChartVersion::parse),
    ALLOW_EXTERNAL("allowExternal", "true", "Customers may bring an external PostgreSQL",
            "true adds spec.exclude so the chart is skipped when the customer picks external PostgreSQL on the config screen.",
            "true or false",
            Control.yesNo("Customer chooses embedded or external", "Always embedded"),
            ValueRules::bool),
    TYPE_OPTION("typeOption", "postgres_type", "Config option holding the choice",
            "The KOTS config item (a radio) whose value says embedded or external.",
            "a KOTS item name: a letter, then letters, digits, '_' or '-', at most 63 characters",
            Control.TEXT,
            ValueRules::kotsItemName, Shown.ADVANCED),
    EMBEDDED_VALUE("embeddedValue", "embedded_postgres", "Value meaning embedded",
            "The radio choice that keeps the bundled chart.",
            "a KOTS item name",
            Control.TEXT,
            ValueRules::kotsItemName, Shown.ADVANCED),
    EXTERNAL_VALUE("externalValue", "external_postgres", "Value meaning external",
            "The radio choice that excludes the chart; also prefixes the external connection items (<value>_host, ...).",
            "a KOTS item name",
            Control.TEXT,
            ValueRules::kotsItemName, Shown.ADVANCED),
    USERNAME("username", "username", "Database user",
            "The user the chart creates and the hooks connect as (pg_dump -U / psql -U).",
            "1-63 bytes of letters, digits, '_', '-' and '.', not starting with '-' or 'pg_'",
            Control.TEXT,
            v -> ValueRules.postgresName(v, true)),
    DATABASE("database", "dbname", "Database name",
            "The database the chart creates and the hooks dump and restore.",
            "1-63 bytes of letters, digits, '_', '-' and '.', not starting with '-'",
            Control.TEXT,
            v -> ValueRules.postgresName(v, false)),
    PASSWORD_OPTION("passwordOption", "embedded_postgres_password", "Config option holding the password",
            "The password is written only as repl{{ ConfigOption \"...\" }}, never in clear; the hooks read it inside the container.",
            "a KOTS item name",
            Control.TEXT,
            ValueRules::kotsItemName, Shown.ADVANCED),
    SCRATCH_SIZE("scratchSize", "1Gi", "Scratch volume size",
            "sizeLimit of the emptyDir the dump is written to; it must hold one plain-SQL dump of the database.",
            "a Kubernetes quantity greater than zero, such as 512Mi or 2Gi",
            Control.TEXT,
            ValueRules::positiveQuantity),
    SCRATCH_MEDIUM("scratchMedium", "Memory", "Scratch volume medium",
            "Memory: a tmpfs that counts against the container's memory limit. Disk: node ephemeral storage (medium omitted).",
            "Memory or Disk",
            Control.select(ScratchMedium.values()),
            ScratchMedium::parse),
    MOUNT_PATH("mountPath", "/scratch", "Scratch mount path",
            "Where the scratch volume is mounted in the PostgreSQL container; the dump is <path>/backup.sql.",
            "an absolute path of letters, digits, '.', '_' and '-' segments, not a system or chart directory",
            Control.TEXT,
            ValueRules::absolutePath, Shown.ADVANCED),
    HOOK_TIMEOUT("hookTimeout", "3m", "Backup hook timeout",
            "pre.hook.backup.velero.io/timeout: how long Velero lets pg_dump run.",
            "a Go duration greater than zero, such as 90s, 3m or 1h30m",
            Control.TEXT,
            ValueRules::positiveDuration),
    ON_ERROR("onError", "Fail", "When the backup hook fails",
            "pre.hook.backup.velero.io/on-error. Fail (Velero's default, so not written) skips the pod's volumes and marks the backup PartiallyFailed; Continue backs up anyway.",
            "Fail or Continue",
            Control.select(OnError.values()),
            OnError::parse, Shown.ADVANCED),
    RESTORE_HOOK("restoreHook", "true", "Restore hook",
            "true adds post.hook.restore.velero.io/command, which loads the dump back with psql after a restore.",
            "true or false",
            Control.yesNo("On", "Off"),
            ValueRules::bool),
    RESTORE_WAIT_TIMEOUT("restoreWaitTimeout", "10m", "Restore wait timeout",
            "post.hook.restore.velero.io/wait-timeout: how long Velero waits for the container to start before giving up.",
            "a Go duration greater than zero",
            Control.TEXT,
            ValueRules::positiveDuration, Shown.ADVANCED),
    RESTORE_EXEC_TIMEOUT("restoreExecTimeout", "10m", "Restore exec timeout",
            "post.hook.restore.velero.io/exec-timeout: how long the restore command may run (Velero's default is only 30s).",
            "a Go duration greater than zero",
            Control.TEXT,
            ValueRules::positiveDuration, Shown.ADVANCED),
    // Install path (issue 17): which files the release needs; see InstallPath for the default's reason.
    INSTALL_PATH("installPath", InstallPath.DEFAULT.value(), "Install path",
            "How customers install the application: it decides the backup files of the release (Backup, Restore, "
                    + "Embedded Cluster Velero extension, or Helm values and README).",
            "kots, kurl, embedded-v2, embedded-v3 or helm",
            InstallPath.control(),
            InstallPath::parse);

    private final String param;
    private final String defaultValue;
    private final String label;
    private final String help;
    private final String rule;
    private final Control control;
    private final Function<String, ?> check;
    private final Shown shown;

    /** Where the form shows a parameter: basic fields always, advanced ones folded away until asked for. */
    public enum Shown { BASIC, ADVANCED }

    /**
     * @param rule  what a valid value looks like, in words (help, form, OpenAPI, README)
     * @param check the same rule as code: returns the typed value or throws IllegalArgumentException with a
     *              message that completes "<parameter>: ..."
     */
    Field(String param, String defaultValue, String label, String help, String rule, Control control,
            Function<String, ?> check) {
        this(param, defaultValue, label, help, rule, control, check, Shown.BASIC);
    }

    Field(String param, String defaultValue, String label, String help, String rule, Control control,
            Function<String, ?> check, Shown shown) {
        this.shown = shown;
        this.param = param;
        this.defaultValue = defaultValue;
        this.label = label;
        this.help = help;
        this.rule = rule;
        this.control = control;
        this.check = check;
    }

    /** The request parameter / JSON property name. */
    public String param() { return param; }
    public String defaultValue() { return defaultValue; }
    public String label() { return label; }
    /** What the value becomes in the manifests. */
    public String help() { return help; }
    /** What a valid value looks like, in words. */
    public String rule() { return rule; }
    public Control control() { return control; }
    /** True when the form folds it away with the other advanced fields (their defaults suit most releases). */
    public boolean advanced() { return shown == Shown.ADVANCED; }

    /** The typed value (String, Boolean, an enum, ChartVersion) of a non-empty raw value; throws if it breaks the rule. */
    public Object check(String raw) {
        return check.apply(raw);
    }

    public static Optional<Field> byParam(String param) {
        return Arrays.stream(values()).filter(f -> f.param.equals(param)).findFirst();
    }

    public static List<String> params() {
        return Arrays.stream(values()).map(Field::param).toList();
    }
}
