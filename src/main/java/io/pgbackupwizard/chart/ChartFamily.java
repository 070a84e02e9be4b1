package io.pgbackupwizard.chart;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** A family of PostgreSQL charts, with its facts per version range. */
public enum ChartFamily {
    BITNAMI("bitnami", "Bitnami postgresql", "postgresql", "oci://registry-1.docker.io/bitnamicharts/postgresql",
            BitnamiPostgresql.TABLE, BitnamiPostgresql.KNOWN, BitnamiPostgresql.PRESET_MEMORY_LIMITS,
            BitnamiPostgresql.ANY_VERSION_VOLUMES),
    CLOUDPIRATES("cloudpirates", "CloudPirates postgres", "postgres", "oci://registry-1.docker.io/cloudpirates/postgres",
            CloudPiratesPostgres.TABLE, CloudPiratesPostgres.KNOWN, CloudPiratesPostgres.PRESET_MEMORY_LIMITS,
            CloudPiratesPostgres.ANY_VERSION_VOLUMES),
    GROUNDHOG2K("groundhog2k", "groundhog2k postgres", "postgres",
            "postgres --repo https://groundhog2k.github.io/helm-charts", Groundhog2kPostgres.TABLE,
            Groundhog2kPostgres.KNOWN, Groundhog2kPostgres.PRESET_MEMORY_LIMITS, Groundhog2kPostgres.ANY_VERSION_VOLUMES),
    /** The operator's cluster chart: it backs itself up (Barman Cloud plugin); no Velero hooks. */
    CLOUDNATIVEPG("cloudnativepg", "CloudNativePG cluster", "cluster",
            "cluster --repo https://cloudnative-pg.github.io/charts", CloudNativePgCluster.TABLE,
            CloudNativePgCluster.KNOWN, CloudNativePgCluster.PRESET_MEMORY_LIMITS,
            CloudNativePgCluster.ANY_VERSION_VOLUMES),
    /** No chart: the vendor's own StatefulSet on the official image, patched with the hooks and the scratch volume. */
    STATEFULSET("statefulset", "Your own StatefulSet", "", "", OwnStatefulSet.TABLE, OwnStatefulSet.KNOWN,
            OwnStatefulSet.PRESET_MEMORY_LIMITS, List.of());

    private final String param;
    private final String title;
    private final String chartName;
    private final String chartRepository;
    private final FactsTable table;
    private final List<String> knownVersions;
    private final Map<String, String> presetMemoryLimits;
    private final List<String> anyVersionVolumes;

    ChartFamily(String param, String title, String chartName, String chartRepository, FactsTable table,
            List<String> knownVersions, Map<String, String> presetMemoryLimits, List<String> anyVersionVolumes) {
        this.param = param;
        this.title = title;
        this.chartName = chartName;
        this.chartRepository = chartRepository;
        this.table = table;
        this.knownVersions = knownVersions;
        this.presetMemoryLimits = presetMemoryLimits;
        this.anyVersionVolumes = anyVersionVolumes;
    }

    /** The parameter's value: "bitnami", "cloudpirates". */
    public String param() {
        return param;
    }

    /** The chart's own name (Chart.yaml), which the HelmChart's spec.chart.name and the chart's fullname use. */
    public String chartName() {
        return chartName;
    }

    /**
     * Where the vendor pulls the chart's .tgz from: helm pull &lt;this&gt; --version &lt;version&gt; (an OCI reference,
     * or the chart's name with --repo for a classic repository).
     */
    public String chartRepository() {
        return chartRepository;
    }

    /**
     * The pod's own volumes of any version of the chart (a Helm CLI customer may pick another version than the
     * wizard was told): Velero ignores a name the pod does not have.
     */
    public List<String> anyVersionVolumes() {
        return anyVersionVolumes;
    }

    /**
     * The database backs itself up: an operator's cluster (CloudNativePG) archives WAL and base backups to an object
     * store, makes its own pods (no pod template to add hooks or a scratch volume to), and Velero must keep its
     * volumes out. Nothing hook-related is generated for it.
     */
    public boolean backsItselfUp() {
        return this == CLOUDNATIVEPG;
    }

    /**
     * The vendor's own workload, not a chart: the release carries a patch for its StatefulSet instead of a HelmChart
     * and values; the container and data volume are named by parameters.
     */
    public boolean ownWorkload() {
        return this == STATEFULSET;
    }

    /** The image tag the chart runs when none is given, or null where the chart's own tag is left in place. */
    public String defaultImageTag() {
        return this == CLOUDNATIVEPG ? CloudNativePgCluster.DEFAULT_TAG : null;
    }

    /**
     * The image tag a known version of the chart runs when its values leave the image alone, or empty for a version
     * the wizard has not read (or a family whose tag it does not track).
     */
    public Optional<String> chartImageTag(ChartVersion version) {
        Map<String, String> tags = switch (this) {
            case GROUNDHOG2K -> Groundhog2kPostgres.IMAGE_TAGS;
            case CLOUDPIRATES -> CloudPiratesPostgres.IMAGE_TAGS;
            default -> Map.of();
        };
        return Optional.ofNullable(tags.get(version.text()));
    }

    /**
     * The key of the chart's Secret (named like its fullname) that holds the password of the role the migration logs
     * in as: its superuser, which may create roles (the chart's user where the image makes it the superuser).
     */
    public String superuserSecretKey() {
        return switch (this) {
            case GROUNDHOG2K -> "POSTGRES_PASSWORD";
            case CLOUDPIRATES -> "postgres-password";
            default -> throw new IllegalStateException(title + " is not a migration target");
        };
    }

    /** For people: "CloudPirates postgres or groundhog2k postgres", the charts a move off Bitnami goes to. */
    public static String migrationTargets() {
        return String.join(" or ", java.util.Arrays.stream(values()).filter(ChartFamily::migrationTarget)
                .map(ChartFamily::title).toList());
    }

    /** A chart the wizard can move a Bitnami install's data to: a chart on the official image, with hooks. */
    public boolean migrationTarget() {
        return this == GROUNDHOG2K || this == CLOUDPIRATES;
    }

    /**
     * The chart's fullname (and so its primary Service's name, in the default standalone architecture), as every
     * generation's {@code postgresql.fullname} / {@code common.names.fullname} computes it without overrides:
     * the release name when it contains the chart name, else {@code <release>-postgresql}; 63 characters at most
     * and no trailing '-'.
     */
    public static String fullname(String releaseName, String chart) {
        String full = releaseName.contains(chart) ? releaseName : releaseName + "-" + chart;
        if (full.length() > 63)
            full = full.substring(0, 63);
        while (full.endsWith("-"))
            full = full.substring(0, full.length() - 1);
        return full;
    }

    /** This chart's fullname for a release. */
    public String fullname(String releaseName) {
        return fullname(releaseName, chartName);
    }

    /** The families' parameter values, in order. */
    public static List<String> params() {
        return java.util.Arrays.stream(values()).map(ChartFamily::param).toList();
    }

    /**
     * The family named by a parameter value.
     *
     * @throws IllegalArgumentException with a message for the person who typed it
     */
    public static ChartFamily parse(String text) {
        for (ChartFamily f : values()) {
            if (f.param.equals(text))
                return f;
        }
        throw new IllegalArgumentException("must be one of " + String.join(", ", params()));
    }

    /** The memory limit a resources preset sets ("nano" -> "192Mi"), if the family has that preset. */
    public Optional<String> presetMemoryLimit(String preset) {
        return Optional.ofNullable(presetMemoryLimits.get(preset));
    }

    /** For people: "Bitnami postgresql". */
    public String title() {
        return title;
    }

    /**
     * A version of this family's chart the wizard can describe.
     *
     * @throws IllegalArgumentException with a message for the person who typed it
     */
    public ChartVersion version(String text) {
        ChartVersion v = ChartVersion.parse(text);
        if (table.at(v) == null) {
            throw new IllegalArgumentException(title + " chart versions before " + table.oldest()
                    + " are not supported (the oldest the wizard's facts describe)");
        }
        // One major past the newest known is a release the facts may still fit; further is another family's number.
        if (v.major() > newestKnown().major() + 1) {
            throw new IllegalArgumentException(title + " has no chart " + v + " that the wizard knows of (newest known: "
                    + newestKnown() + ")" + otherFamilyWith(v));
        }
        return v;
    }

    /** "; is it a Bitnami postgresql version (chartFamily bitnami)?" when another family knows that major. */
    private String otherFamilyWith(ChartVersion v) {
        for (ChartFamily f : values()) {
            if (f != this && f.table.at(v) != null && v.major() <= f.newestKnown().major() + 1)
                return "; is it a " + f.title + " version (chartFamily " + f.param + ")?";
        }
        return "";
    }

    /** What the chart of that version does; v comes from {@link #version}. */
    public ChartFacts facts(ChartVersion v) {
        ChartFacts f = table.at(v);
        if (f == null)
            throw new IllegalArgumentException("no facts for " + title + " " + v);
        return f;
    }

    /** The versions whose facts match, for people ("16.6.0 and later"). */
    public String versionsWhere(Predicate<ChartFacts> test) {
        return table.versionsWhere(test);
    }

    /** Every row of facts, each with the version it starts at. */
    public FactsTable table() {
        return table;
    }

    /** The newest chart version the facts were checked against (the first known one). */
    public ChartVersion newestKnown() {
        return ChartVersion.parse(knownVersions.get(0));
    }

    /** Whether {@code v} is newer than any version the facts were checked against: its facts are a guess. */
    public boolean newerThanKnown(ChartVersion v) {
        return v.compareTo(newestKnown()) > 0;
    }

    /** Versions the form suggests and the tests walk: the latest of each range people use, newest first. */
    public List<String> knownVersions() {
        return knownVersions;
    }
}
