package io.pgbackupwizard.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.pgbackupwizard.chart.ChartFacts;
import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.chart.ChartVersion;

/**
 * Every parameter the wizard accepts, each defined once: name, default, label, help, rule (in words and as
 * code) and form control. The same names serve the HTML form, the query string of the download URLs and the
 * JSON API; the parser, the form, OpenAPI, the plain-text help and the docs/parameters.md table all read this enum.
 * Adding a parameter: one entry here, one typed accessor in {@link WizardInput}, and the generator that uses it.
 */
public enum Field {
    NAME("name", "postgresql", "HelmChart name",
            "metadata.name of the HelmChart; also the Helm release name when it is not the chart's own name.",
            "a DNS-1123 label of at most 53 characters: lower-case letters, digits and '-'",
            Control.TEXT,
            v -> ValueRules.dnsLabel(v, 53)),
    API_VERSION("apiVersion", "kots.io/v1beta2", "KOTS HelmChart API version",
            "apiVersion of the HelmChart. v1beta2 (the default) installs with Helm and gets optionalValues that label the pod for KOTS snapshots and rewrite the image for a local registry (air gap); releaseName sits under spec. v1beta1 is deprecated: it gets useHelmInstall: true, and KOTS rewrites images and adds the snapshot labels itself.",
            "kots.io/v1beta1 or kots.io/v1beta2",
            Control.select(ApiVersion.texts()),
            ApiVersion::parse),
    CHART_FAMILY("chartFamily", ChartFamily.BITNAMI.param(), "PostgreSQL chart",
            "The chart the release installs PostgreSQL with: "
                    + java.util.Arrays.stream(ChartFamily.values()).map(f -> f.param() + " (" + f.title()
                            + (f.ownWorkload() ? ": no chart, a patch for your StatefulSet on the official image"
                                    : ", " + f.chartRepository())
                            + ")").collect(java.util.stream.Collectors.joining(", "))
                    + ". It decides the values keys, the container, user and port the hooks use, the default image and the"
                    + " volumes left out of the backup.",
            "one of " + String.join(", ", ChartFamily.params()),
            Control.selectLabelled(java.util.Arrays.stream(ChartFamily.values())
                    .map(f -> new Control.Choice(f.param(), f.title())).toList()),
            ChartFamily::parse),
    CHART_VERSION("chartVersion", "", "Chart version",
            "spec.chart.chartVersion of the chosen chart; it also decides the values layout (Bitnami: master.* or primary.*,"
                    + " credential keys), the default image, the image check and the resources preset. Empty: the newest"
                    + " version the wizard's facts were checked against ("
                    + java.util.Arrays.stream(ChartFamily.values()).filter(f -> !f.ownWorkload())
                            .map(f -> f.param() + " " + f.newestKnown()).collect(java.util.stream.Collectors.joining(", "))
                    + "). Bitnami charts " + ChartFamily.BITNAMI.versionsWhere(f -> !f.freeImageExists())
                    + " have no free image in 2026. Put the chart's .tgz in the release: helm pull <chart> --version <version>.",
            "a semantic version the chosen chart has: "
                    + java.util.Arrays.stream(ChartFamily.values()).filter(f -> !f.ownWorkload())
                            .map(f -> f.param() + " " + f.table().oldest() + " or later")
                            .collect(java.util.stream.Collectors.joining(", ")),
            Control.suggestLabelled(java.util.Arrays.stream(ChartFamily.values()).filter(f -> !f.ownWorkload())
                    .flatMap(f -> f.knownVersions().stream().map(v -> new Control.Choice(v, f.title()))).toList()),
            ChartVersion::parse),
    CONTAINER_NAME("containerName", "postgresql", "PostgreSQL container",
            "Your own StatefulSet only: the name of the container that runs PostgreSQL; the hooks exec in it and the"
                    + " scratch volume is mounted in it.",
            "a DNS-1123 label of at most 63 characters",
            Control.TEXT,
            v -> ValueRules.dnsLabel(v, 63)),
    DATA_VOLUME("dataVolume", "data", "Data volume",
            "Your own StatefulSet only: the volume (or volumeClaimTemplate) that holds PGDATA; Velero is told to leave"
                    + " it alone.",
            "a DNS-1123 label of at most 63 characters",
            Control.TEXT,
            v -> ValueRules.dnsLabel(v, 63)),
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
            "1-63 ASCII letters, digits, '_', '-' and '.', not starting with '-' or 'pg_'",
            Control.TEXT,
            v -> ValueRules.postgresName(v, true)),
    DATABASE("database", "dbname", "Database name",
            "The database the chart creates and the hooks dump and restore.",
            "1-63 ASCII letters, digits, '_', '-' and '.', not starting with '-'",
            Control.TEXT,
            v -> ValueRules.postgresName(v, false)),
    PASSWORD_OPTION("passwordOption", "embedded_postgres_password", "Config option holding the password",
            "The password is written only as repl{{ ConfigOption \"...\" }}, never in clear; the hooks read it inside the container.",
            "a KOTS item name",
            Control.TEXT,
            ValueRules::kotsItemName, Shown.ADVANCED),
    SCRATCH_SIZE("scratchSize", "1Gi", "Scratch volume size",
            "sizeLimit of the emptyDir the dump is written to; it must hold one dump of the database (custom format: typically 4-5 times smaller than plain SQL).",
            "a Kubernetes quantity of at least 1Mi, such as 512Mi or 2Gi",
            Control.TEXT,
            ValueRules::positiveQuantity),
    SCRATCH_MEDIUM("scratchMedium", "Disk", "Scratch volume medium",
            "Disk (the default): node ephemeral storage (medium omitted); it counts against the pod's ephemeral-storage limit, and going over sizeLimit evicts the pod. Memory: a tmpfs, faster, but it counts against the container's memory limit and the dump holds that RAM until the next backup.",
            "Memory or Disk",
            Control.select(ScratchMedium.values()),
            ScratchMedium::parse),
    MOUNT_PATH("mountPath", "/scratch", "Scratch mount path",
            "Where the scratch volume is mounted in the PostgreSQL container; the dump is <path>/backup.dump (custom format) or <path>/backup.sql (plain).",
            "an absolute path of letters, digits, '.', '_' and '-' segments, not a system or chart directory",
            Control.TEXT,
            ValueRules::absolutePath, Shown.ADVANCED),
    HOOK_TIMEOUT("hookTimeout", "30m", "Backup hook timeout",
            VeleroAnnotation.PRE_BACKUP_TIMEOUT.key()
                    + ": how long Velero lets pg_dump run (Velero's own default is 30s). Size it from the database: SELECT pg_size_pretty(pg_database_size(current_database())); allow a few minutes per GB, more under a small CPU limit (chart 15+ defaults to 150m). A run that times out keeps going in the container; the next one fails fast instead of racing it.",
            "a Go duration of at least 1s, such as 90s, 3m or 1h30m",
            Control.TEXT,
            ValueRules::positiveDuration),
    ON_ERROR("onError", "Fail", "When the backup hook fails",
            VeleroAnnotation.PRE_BACKUP_ON_ERROR.key()
                    + ", always written: Velero applies its documented Fail default only to hooks from the Backup spec, so an absent value acts like Continue. Fail skips the pod's volumes and marks the backup PartiallyFailed; Continue backs them up anyway.",
            "Fail or Continue",
            Control.select(OnError.values()),
            OnError::parse, Shown.ADVANCED),
    RESTORE_HOOK("restoreHook", "true", "Restore hook",
            "true adds " + VeleroAnnotation.RESTORE_COMMAND.key()
                    + ", which waits for the final server of the image's first boot and loads the dump back (pg_restore or psql).",
            "true or false",
            Control.yesNo("On", "Off"),
            ValueRules::bool),
    RESTORE_WAIT_TIMEOUT("restoreWaitTimeout", "10m", "Restore wait timeout",
            VeleroAnnotation.RESTORE_WAIT_TIMEOUT.key()
                    + ": how long Velero waits for the container to start before giving up.",
            "a Go duration of at least 1s",
            Control.TEXT,
            ValueRules::positiveDuration, Shown.ADVANCED),
    RESTORE_EXEC_TIMEOUT("restoreExecTimeout", "10m", "Restore exec timeout",
            VeleroAnnotation.RESTORE_EXEC_TIMEOUT.key()
                    + ": how long the restore command may run (Velero's default is only 30s).",
            "a Go duration of at least 1s",
            Control.TEXT,
            ValueRules::positiveDuration, Shown.ADVANCED),
    // Install path: which files the release needs; see InstallPath for the default's reason.
    INSTALL_PATH("installPath", InstallPath.text(InstallPath.DEFAULTS), "Where do your customers install?",
            "How customers install the application: it decides the backup files of the release (Backup, Restore, "
                    + "Embedded Cluster Velero extension, or Helm values and README). A release that serves several gets "
                    + "the files of each (one Backup that every chosen path accepts, one README.txt for all).",
            "one or more of kots, kurl, embedded-v2, embedded-v3, helm (several: comma-separated, or the parameter repeated)",
            InstallPath.control(),
            InstallPath::parseAll),
    DUMP_FORMAT("dumpFormat", "custom", "Dump format",
            "custom: pg_dump -Fc -Z1 to <path>/backup.dump, restored with pg_restore --clean --if-exists --single-transaction --exit-on-error (typically 4-5 times smaller than plain). plain: SQL to <path>/backup.sql, restored with psql --single-transaction; a database with large objects is refused (their plain dump carries its own transaction, so the restore could not be all-or-nothing).",
            "custom or plain",
            Control.select(DumpFormat.values()),
            DumpFormat::parse),
    HOOK_USER("hookUser", "app", "Hooks connect as",
            "app: the chart's user (Database user). postgres: the superuser, needed when objects such as extensions belong"
                    + " to it (only their owner may drop and recreate them), with its password from the chart's own variable: "
                    + java.util.Arrays.stream(ChartFamily.values())
                            .filter(f -> f.facts(f.newestKnown()).superuserPasswordVariable() != null)
                            .map(f -> f.title() + " " + f.versionsWhere(ChartFacts::superuserPassword) + ": $"
                                    + f.facts(f.newestKnown()).superuserPasswordVariable())
                            .collect(java.util.stream.Collectors.joining("; "))
                    + ". On "
                    + java.util.Arrays.stream(ChartFamily.values())
                            .filter(f -> f.facts(f.newestKnown()).userIsSuperuser()).map(ChartFamily::title)
                            .collect(java.util.stream.Collectors.joining(", "))
                    + " the Database user is the one superuser: no postgres role to choose.",
            "app or postgres",
            Control.select(HookUser.values()),
            HookUser::parse, Shown.ADVANCED),
    RESTORE_ON_ERROR("restoreOnError", "Continue", "When the restore hook fails",
            VeleroAnnotation.RESTORE_ON_ERROR.key()
                    + ", always written. Continue (Velero's default): the restore goes on and ends PartiallyFailed (Velero 1.14+). Fail: the restore stops with the hook.",
            "Fail or Continue",
            Control.select(List.of("Continue", "Fail")),
            OnError::parse, Shown.ADVANCED),

    // Image source: empty = a default that pulls in 2026 for the chart version (ImageSource).
    IMAGE_REGISTRY("imageRegistry", "", "PostgreSQL image registry",
            "values.image.registry (and the same in builder). Empty: docker.io. A vendor mirror goes here; any registry but docker.io also writes global.security.allowInsecureImages: true on chart 16.3.0 and later, whose image check would fail the install.",
            "empty, or a registry host with an optional port, such as docker.io or registry.example.com:5000",
            Control.TEXT,
            ValueRules::imageRegistry, Shown.ADVANCED),
    IMAGE_REPOSITORY("imageRepository", "", "PostgreSQL image repository",
            "values.image.repository (and in builder). Empty: bitnamilegacy/postgresql for chart 11.0.0 and later (Bitnami moved its versioned tags there on 2025-08-28; they get no more fixes), the chart's own bitnami/postgresql for 8.x-10.x, whose Debian 10 images exist nowhere for free: use a vendor mirror.",
            "empty, or an image repository such as bitnamilegacy/postgresql",
            Control.TEXT,
            ValueRules::imageRepository, Shown.ADVANCED),
    IMAGE_TAG("imageTag", "", "PostgreSQL image tag",
            "values.image.tag. Empty: the chart's own tag (the moved images kept their tags).",
            "empty, or an image tag such as 17.6.0-debian-12-r4",
            Control.TEXT,
            ValueRules::imageTag, Shown.ADVANCED),

    // Container resources for charts with a resources preset (15.0.0 and later; nano = 192Mi/150m):
    // empty = computed from scratchSize and scratchMedium (ResourceLimits).
    CPU_LIMIT("cpuLimit", "", "CPU limit",
            "values.primary.resources.limits.cpu, chart 15.0.0 and later (the chart's nano preset allows 150m, which throttles pg_dump). Empty: 1.",
            "empty, or a Kubernetes CPU quantity of at least 250m, such as 500m or 2",
            Control.TEXT,
            ValueRules::cpuLimit, Shown.ADVANCED),
    MEMORY_LIMIT("memoryLimit", "", "Memory limit",
            "values.primary.resources.limits.memory, chart 15.0.0 and later (nano: 192Mi). A Memory scratch counts against it. Empty: scratchSize + 512Mi for a Memory scratch, 512Mi for Disk.",
            "empty, or a Kubernetes quantity; with a Memory scratch at least scratchSize + 256Mi",
            Control.TEXT,
            ValueRules::positiveQuantity, Shown.ADVANCED),
    EPHEMERAL_STORAGE_LIMIT("ephemeralStorageLimit", "", "Ephemeral storage limit",
            "values.primary.resources.limits.ephemeral-storage, chart 15.0.0 and later (nano: 1-2Gi). A Disk scratch counts against it, and going over it evicts the pod. Empty: scratchSize + 1Gi for a Disk scratch, 1Gi for Memory.",
            "empty, or a Kubernetes quantity; with a Disk scratch at least scratchSize + 256Mi",
            Control.TEXT,
            ValueRules::positiveQuantity, Shown.ADVANCED),

    // Moving a live install off the Bitnami chart (empty migrateFrom: no move; the other four then do nothing).
    MIGRATE_FROM("migrateFrom", "", "Move the data from Bitnami chart",
            "The Bitnami postgresql chart version your customers run now, to move their data to the chosen chart"
                    + " (groundhog2k or CloudPirates postgres) at an upgrade: the release keeps the old chart, adds the"
                    + " new one and a one-time copy Job (the migration chart) that runs in the new chart's image before"
                    + " your application moves to the new database (one release on KOTS and Embedded Cluster, three"
                    + " versions of your chart on the Helm CLI; migration.md). Empty: no move.",
            "empty, or a Bitnami postgresql chart version, "
                    + ChartFamily.BITNAMI.versionsWhere(ChartFacts::superuserPassword),
            Control.suggest(ChartFamily.BITNAMI.knownVersions()),
            ValueRules::migrationSource),
    MIGRATE_FROM_RELEASE("migrateFromRelease", "postgresql", "Old chart's release name",
            "The Helm release name the Bitnami chart is installed under (its HelmChart's releaseName, or its"
                    + " metadata.name); the copy reaches its Service and Secret by the chart's fullname.",
            "a DNS-1123 label of at most 53 characters",
            Control.TEXT,
            v -> ValueRules.dnsLabel(v, 53), Shown.ADVANCED),
    MIGRATE_FROM_SECRET("migrateFromSecret", "", "Old chart's Secret",
            "The Secret holding the old chart's postgres superuser password: its auth.existingSecret. Empty: the"
                    + " chart's own Secret, named like the chart's fullname.",
            "empty, or a DNS-1123 label of at most 63 characters",
            Control.TEXT,
            v -> ValueRules.dnsLabel(v, 63), Shown.ADVANCED),
    MIGRATE_FROM_PASSWORD_KEY("migrateFromPasswordKey", "", "Old chart's superuser password key",
            "The key of that Secret holding the postgres superuser's password (auth.secretKeys.adminPasswordKey)."
                    + " Empty: postgres-password, the chart's own key.",
            "empty, or a Secret key: letters, digits, '-', '_' and '.', at most 253 characters",
            Control.TEXT,
            ValueRules::secretKey, Shown.ADVANCED),
    MIGRATION_TIMEOUT("migrationTimeout", "1h", "Copy timeout",
            "How long the upgrade waits for the copy, a Helm hook: the migration HelmChart's helmUpgradeFlags"
                    + " --timeout (KOTS's own is 1h), and the --timeout the guide gives Helm CLI customers (Helm's own is"
                    + " 5m). Allow a few minutes per GB of the database.",
            "a Go duration of at least 1s, such as 30m or 2h",
            Control.TEXT,
            ValueRules::positiveDuration, Shown.ADVANCED);

    /** The fields that only a move from the Bitnami chart uses. */
    public static final Set<Field> MIGRATION = EnumSet.of(MIGRATE_FROM, MIGRATE_FROM_RELEASE, MIGRATE_FROM_SECRET,
            MIGRATE_FROM_PASSWORD_KEY, MIGRATION_TIMEOUT);

    private final String param;
    private final String defaultValue;
    private final String label;
    private final String help;
    private final String rule;
    private final Control control;
    private final Function<String, ?> check;
    private final Shown shown;

    /** Where the form shows a parameter: basic fields always, advanced ones folded away until asked for. */
    public enum Shown {
        BASIC,
        ADVANCED
    }

    /**
     * @param rule what a valid value looks like, in words (help, form, OpenAPI, docs)
     * @param check the same rule as code: returns the typed value or throws IllegalArgumentException with a
     *        message that completes "<parameter>: ..."
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

    /**
     * What only the KOTS HelmChart, its Config and its values carry: the Helm CLI values hold the hooks, the scratch
     * volume and the chart's user and database, nothing else (FieldEffectTest proves each way against the files).
     */
    private static final Set<Field> HELMCHART_ONLY = EnumSet.of(API_VERSION, ALLOW_EXTERNAL, TYPE_OPTION, EMBEDDED_VALUE,
            EXTERNAL_VALUE, PASSWORD_OPTION, IMAGE_REGISTRY, IMAGE_REPOSITORY, IMAGE_TAG, CPU_LIMIT, MEMORY_LIMIT,
            EPHEMERAL_STORAGE_LIMIT, MIGRATE_FROM_RELEASE);

    /** Whether a release for these install paths changes with this field. */
    public boolean affects(Set<InstallPath> paths) {
        return !HELMCHART_ONLY.contains(this) || InstallPath.anyReplicated(paths);
    }

    /** Why the field does nothing for these paths (the form says it beside the switched-off field), or empty. */
    public Optional<String> noEffect(Set<InstallPath> paths) {
        return affects(paths) ? Optional.empty() : noEffectReason();
    }

    /** The reason the form gives where the field does nothing; empty for a field that always matters. */
    public Optional<String> noEffectReason() {
        return HELMCHART_ONLY.contains(this)
                ? Optional.of("No effect on a Helm CLI release: it sets the KOTS HelmChart or its Config, which this"
                        + " release does not have (the Helm values carry the hooks, the scratch volume, the user and the"
                        + " database).")
                : Optional.empty();
    }

    /**
     * Why the field does nothing with this chart family (the page switches it off and says so), or empty: the scratch
     * fields on a chart that takes no extra volumes, the hook user where the image has one superuser (the parser
     * refuses postgres there rather than ignore it).
     */
    public Optional<String> noEffectOn(ChartFamily family) {
        ChartFacts f = family.facts(family.newestKnown());
        if (MIGRATION.contains(this) && !family.migrationTarget()) {
            return Optional.of("No effect with " + family.title() + ": the wizard moves a Bitnami install's data to "
                    + ChartFamily.migrationTargets() + " only.");
        }
        if ((this == CONTAINER_NAME || this == DATA_VOLUME) && !family.ownWorkload())
            return Optional.of("No effect with " + family.title() + ": the chart names its own container and volumes.");
        if (family.ownWorkload()) {
            Optional<String> own = switch (this) {
                case CHART_VERSION, API_VERSION, ALLOW_EXTERNAL, TYPE_OPTION, EMBEDDED_VALUE, EXTERNAL_VALUE,
                        PASSWORD_OPTION, IMAGE_REGISTRY, IMAGE_REPOSITORY, IMAGE_TAG, CPU_LIMIT, MEMORY_LIMIT,
                        EPHEMERAL_STORAGE_LIMIT ->
                    Optional.of("No effect with your own StatefulSet: no chart or HelmChart is written for it; your"
                            + " chart keeps its image, passwords and limits.");
                default -> Optional.<String> empty();
            };
            if (own.isPresent())
                return own;
        }
        if (family.backsItselfUp()) {
            return switch (this) {
                case PASSWORD_OPTION -> Optional.of("No effect with " + family.title() + ": the operator generates the"
                        + " database owner's password and keeps it in its own Secret.");
                case SCRATCH_SIZE, SCRATCH_MEDIUM, MOUNT_PATH, HOOK_TIMEOUT, ON_ERROR, RESTORE_HOOK, RESTORE_WAIT_TIMEOUT,
                        RESTORE_EXEC_TIMEOUT, DUMP_FORMAT, HOOK_USER, RESTORE_ON_ERROR, CPU_LIMIT, MEMORY_LIMIT,
                        EPHEMERAL_STORAGE_LIMIT ->
                    Optional.of("No effect with " + family.title() + ": it backs itself up to an object store (Barman"
                            + " Cloud plugin), so no Velero hook or scratch volume is written.");
                default -> Optional.empty();
            };
        }
        return switch (this) {
            case SCRATCH_SIZE, SCRATCH_MEDIUM, MOUNT_PATH -> f.usesChartScratch()
                    ? Optional.of("No effect with " + family.title() + ": it takes no extra volumes, so the dump goes to"
                            + " its own emptyDir " + f.scratchVolume() + " at " + f.scratchMount()
                            + ", which has no sizeLimit.")
                    : Optional.empty();
            case HOOK_USER -> f.userIsSuperuser()
                    ? Optional.of("No effect with " + family.title() + ": its image has one superuser, the Database user,"
                            + " whom the hooks log in as.")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The install paths on which the field has an effect (the page switches it off on the others). */
    public Set<InstallPath> effectivePaths() {
        Set<InstallPath> on = EnumSet.noneOf(InstallPath.class);
        for (InstallPath p : InstallPath.values()) {
            if (affects(Set.of(p)))
                on.add(p);
        }
        return on;
    }

    /** The request parameter / JSON property name. */
    public String param() {
        return param;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** An optional field has an empty default: left empty, the generator computes its value. */
    public boolean optional() {
        return defaultValue.isEmpty();
    }

    public String label() {
        return label;
    }

    /** What the value becomes in the manifests. */
    public String help() {
        return help;
    }

    /** What a valid value looks like, in words. */
    public String rule() {
        return rule;
    }

    public Control control() {
        return control;
    }

    /** True when the form folds it away with the other advanced fields (their defaults suit most releases). */
    public boolean advanced() {
        return shown == Shown.ADVANCED;
    }

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
