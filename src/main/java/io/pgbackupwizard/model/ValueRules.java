package io.pgbackupwizard.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.chart.ChartVersion;
import io.pgbackupwizard.chart.Quantity;

/**
 * Rules for each kind of value. Each check throws IllegalArgumentException with a message that
 * completes the sentence "<parameter>: ...". The rules are deliberately narrow: these values end up
 * in a shell command, inside a JSON array, inside a YAML string that KOTS and Helm template.
 */
public final class ValueRules {
    private ValueRules() {
    }

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern KOTS_ITEM = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");
    private static final Pattern PG_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    // Container image references, as github.com/distribution/reference reads them (lower-case repository).
    private static final Pattern REGISTRY = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?");
    private static final Pattern REPOSITORY = Pattern.compile(
            "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");
    // Go time.ParseDuration without sign: one or more <number><unit>.
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Pattern DURATION = Pattern.compile("(?:" + DURATION_PART.pattern() + ")+");

    private static final java.util.Map<String, BigDecimal> NANOS_PER_UNIT = java.util.Map.of(
            "ns", BigDecimal.ONE, "us", BigDecimal.valueOf(1_000L), "µs", BigDecimal.valueOf(1_000L),
            "μs", BigDecimal.valueOf(1_000L), "ms", BigDecimal.valueOf(1_000_000L), "s", BigDecimal.valueOf(1_000_000_000L),
            "m", BigDecimal.valueOf(60_000_000_000L), "h", BigDecimal.valueOf(3_600_000_000_000L));
    private static final BigDecimal MAX_GO_DURATION = BigDecimal.valueOf(Long.MAX_VALUE);

    /** Directories of the image or the chart a scratch volume must not shadow. */
    private static final List<String> RESERVED_PATH_PREFIXES = List.of("/bin", "/boot", "/dev", "/etc", "/lib",
            "/lib64", "/proc", "/run", "/sbin", "/sys", "/usr", "/var", "/bitnami", "/opt/bitnami",
            "/docker-entrypoint-initdb.d", "/docker-entrypoint-preinitdb.d");
    /** Mount points the chart itself uses (a second mount there makes the pod invalid). */
    private static final Set<String> RESERVED_PATHS = Set.of("/tmp", "/opt", "/home", "/root");
    private static final Set<String> RESERVED_ROLES = Set.of("public", "none", "current_user", "session_user",
            "current_role", "postgres_password");

    public static String dnsLabel(String v, int maxLength) {
        if (v.length() > maxLength)
            throw new IllegalArgumentException("must be at most " + maxLength + " characters");
        if (!DNS_LABEL.matcher(v).matches()) {
            throw new IllegalArgumentException(
                    "must be lower-case letters, digits and '-', starting and ending with a letter or digit");
        }
        return v;
    }

    /** A key of a Kubernetes Secret's data. */
    public static String secretKey(String v) {
        if (v.length() > 253 || !SECRET_KEY.matcher(v).matches()) {
            throw new IllegalArgumentException("must be letters, digits, '-', '_' and '.', at most 253 characters");
        }
        return v;
    }

    /** The Bitnami chart a migration leaves: 11.0.0 and later keep the superuser's password under one known key. */
    public static ChartVersion migrationSource(String v) {
        ChartVersion version = ChartFamily.BITNAMI.version(v);
        if (!ChartFamily.BITNAMI.facts(version).superuserPassword()) {
            throw new IllegalArgumentException("moves data off Bitnami charts " + ChartFamily.BITNAMI.versionsWhere(
                    io.pgbackupwizard.chart.ChartFacts::superuserPassword) + " only: older ones keep the postgres"
                    + " superuser's password only when the chart's user is another role; upgrade the chart first");
        }
        return version;
    }

    public static String kotsItemName(String v) {
        if (!KOTS_ITEM.matcher(v).matches()) {
            throw new IllegalArgumentException(
                    "must start with a letter and hold only letters, digits, '_' and '-' (at most 63 characters)");
        }
        return v;
    }

    public static String postgresName(String v, boolean role) {
        int bytes = v.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > 63)
            throw new IllegalArgumentException("must be at most 63 bytes (PostgreSQL truncates longer names)");
        if (!PG_NAME.matcher(v).matches()) {
            throw new IllegalArgumentException(
                    "must hold only ASCII letters, digits, '_', '-' and '.', and start with a letter, digit or '_'"
                            + " (no look-alike or invisible Unicode: the name is typed again in psql and kubectl)");
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (role && (lower.startsWith("pg_") || RESERVED_ROLES.contains(lower))) {
            throw new IllegalArgumentException("is a name PostgreSQL reserves for roles");
        }
        if (!role && (lower.equals("template0") || lower.equals("template1"))) {
            throw new IllegalArgumentException("is a template database, not one to back up");
        }
        return v;
    }

    public static String absolutePath(String v) {
        if (v.length() > 200)
            throw new IllegalArgumentException("must be at most 200 characters");
        if (!PATH.matcher(v).matches()) {
            throw new IllegalArgumentException(
                    "must be an absolute path such as /scratch, of letters, digits, '.', '_' and '-' (no trailing '/')");
        }
        for (String segment : v.substring(1).split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("must not contain '.' or '..' segments");
            }
        }
        if (RESERVED_PATHS.contains(v)) {
            throw new IllegalArgumentException(
                    v + " is already used by the image or the chart; pick a directory of its own such as /scratch");
        }
        for (String prefix : RESERVED_PATH_PREFIXES) {
            if (v.equals(prefix) || v.startsWith(prefix + "/")) {
                throw new IllegalArgumentException("must not be inside " + prefix + ", which the image or the chart uses");
            }
        }
        return v;
    }

    /** A registry host with an optional port, such as docker.io, registry.example.com or localhost:5000. */
    public static String imageRegistry(String v) {
        if (v.length() > 253 || !REGISTRY.matcher(v).matches()) {
            throw new IllegalArgumentException("must be a registry host with an optional port, such as docker.io"
                    + " or registry.example.com:5000 (no scheme, no path)");
        }
        return v;
    }

    /** An image repository path such as bitnamilegacy/postgresql (lower case, '/'-separated). */
    public static String imageRepository(String v) {
        if (!REPOSITORY.matcher(v).matches()) {
            throw new IllegalArgumentException("must be an image repository such as bitnamilegacy/postgresql: lower-case"
                    + " letters and digits, separated by '/', '.', '_' or '-' (no registry, no tag)");
        }
        return v;
    }

    /** An image tag such as 17.6.0-debian-12-r4. */
    public static String imageTag(String v) {
        if (!TAG.matcher(v).matches()) {
            throw new IllegalArgumentException("must be an image tag such as 17.6.0-debian-12-r4: letters, digits, '_',"
                    + " '.' and '-', not starting with '.' or '-', at most 128 characters");
        }
        return v;
    }

    /** A Kubernetes quantity greater than zero; returns it unchanged. */
    /** Smallest size accepted: below 1Mi no dump fits, and "500m" (half a byte) is a typo for 500Mi. */
    public static final Quantity MIN_SIZE = Quantity.mebibytes(1);

    /** Shortest duration accepted: below 1s no hook or wait can finish, and "1ns" is a typo. */
    public static final BigDecimal MIN_DURATION_NANOS = BigDecimal.valueOf(1_000_000_000L);

    /** A size greater than zero and at least {@link #MIN_SIZE}. */
    public static String positiveQuantity(String v) {
        Quantity q = positive(v);
        if (q.compareTo(MIN_SIZE) < 0) {
            throw new IllegalArgumentException(
                    "must be at least 1Mi (" + v + " is " + q.value().stripTrailingZeros().toPlainString()
                            + " bytes; 500Mi, not 500m, is 500 mebibytes)");
        }
        return q.text();
    }

    /** A CPU quantity pg_dump can work with (see {@link ResourceLimits#MIN_CPU}). */
    public static String cpuLimit(String v) {
        String problem = ResourceLimits.cpuProblem(positive(v));
        if (problem != null)
            throw new IllegalArgumentException(problem);
        return v;
    }

    /** A Kubernetes quantity greater than zero, parsed (see {@link Quantity}). */
    public static Quantity positive(String v) {
        Quantity q;
        try {
            q = Quantity.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage() + Suggestions.size(v).map(s -> ": did you mean " + s + "?").orElse(""));
        }
        if (!q.isPositive())
            throw new IllegalArgumentException("must be greater than zero");
        return q;
    }

    /** A Go duration greater than zero (a bare number is NOT one: Velero would silently use 30s). */
    public static String positiveDuration(String v) {
        if (v.length() > 32)
            throw new IllegalArgumentException("must be at most 32 characters");
        if (!DURATION.matcher(v).matches()) {
            throw new IllegalArgumentException("must be a Go duration such as 90s, 3m or 1h30m"
                    + (v.matches("\\d+") ? " (a bare number is not one: Velero would use 30s): did you mean " + v + "s or " + v
                            + "m?" : "")
                    + Suggestions.duration(v).map(s -> ": did you mean " + s + "?").orElse(""));
        }
        Matcher part = DURATION_PART.matcher(v);
        BigDecimal nanos = BigDecimal.ZERO;
        while (part.find()) {
            String n = part.group(1);
            nanos = nanos.add(new BigDecimal(n.startsWith(".") ? "0" + n : n).multiply(NANOS_PER_UNIT.get(part.group(2))));
        }
        if (nanos.signum() <= 0)
            throw new IllegalArgumentException("must be greater than zero");
        if (nanos.compareTo(MIN_DURATION_NANOS) < 0)
            throw new IllegalArgumentException("must be at least 1s");
        if (nanos.compareTo(MAX_GO_DURATION) > 0)
            throw new IllegalArgumentException("is longer than Go can represent (about 2562047h)");
        return v;
    }

    public static boolean bool(String v) {
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }
}
