package io.pgbackupwizard.hostile;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.InstallPath;
import io.pgbackupwizard.testsupport.Matrix;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Wizard parameters for property tests: per field, left out, valid-looking (the field's grammar, sometimes just past
 * its limits now and then) or hostile (shell/YAML/template metacharacters, look-alike and invisible Unicode, any string at
 * all).
 * Three inputs in five are "clean" (no hostile field) so that accepted inputs are common.
 */
final class ArbitraryInputs {
    private ArbitraryInputs() {
    }

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String META = " '\"$`;|&<>()[]{}*?!#~=%\\\n\t\r:,-./@^+";
    private static final String ODD_UNICODE = "аеоΩü日／＄\u200B\u200D\uFEFF\u202E\u00A0\u0301\u2028";
    private static final List<String> FRAGMENTS = List.of("$(touch canary)", "`touch canary`", "'", "\"", "\\",
            "repl{{ ConfigOption \"x\" }}", "{{repl x }}", "{{ .Values.x }}", "\n---\n", ": ", "- ", "&a", "*a", "!!str",
            "🐘", "\u0301", "%", "#", "\n", "..", "/");

    /** Parameter name -> value, for a random subset of the known parameters. */
    static Arbitrary<Map<String, String>> params() {
        // three clean inputs for two hostile ones: with 36 fields a clean input is accepted only about 40% of the time
        return Arbitraries.frequencyOf(Tuple.of(3, perField(false)), Tuple.of(2, perField(true)));
    }

    private static Arbitrary<Map<String, String>> perField(boolean withHostile) {
        List<Arbitrary<Optional<String>>> fields = Arrays.stream(Field.values())
                .map(f -> withHostile
                        ? Arbitraries.frequencyOf(Tuple.of(1, absent()), Tuple.of(2, present(validLooking(f))),
                                Tuple.of(1, present(hostile(f))))
                        : Arbitraries.frequencyOf(Tuple.of(1, absent()), Tuple.of(3, present(validLooking(f)))))
                .toList();
        return Combinators.combine(fields).as(values -> {
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                int field = i;
                values.get(i).ifPresent(v -> params.put(Field.values()[field].param(), v));
            }
            return params;
        });
    }

    private static Arbitrary<Optional<String>> absent() {
        return Arbitraries.just(Optional.empty());
    }

    private static Arbitrary<Optional<String>> present(Arbitrary<String> value) {
        return value.map(Optional::of);
    }

    static Arbitrary<String> hostile(Field f) {
        Arbitrary<String> metaChars = Arbitraries.strings().withChars(META + ODD_UNICODE).withChars(LETTERS)
                .ofMaxLength(12);
        Arbitrary<String> fragment = Arbitraries.oneOf(metaChars, validLooking(f), Arbitraries.of(FRAGMENTS));
        return Arbitraries.frequencyOf(
                Tuple.of(6, fragment.list().ofMaxSize(4).map(parts -> String.join("", parts))),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(1, Combinators.combine(Arbitraries.of(FRAGMENTS), Arbitraries.integers().between(250, 300))
                        .as((part, length) -> part.repeat(length).substring(0, length))));
    }

    static Arbitrary<String> validLooking(Field f) {
        return switch (f) {
            case NAME -> word(LETTERS.substring(0, 26), "abcdefghijklmnopqrstuvwxyz0123456789-", 50);
            case API_VERSION -> Arbitraries.of("kots.io/v1beta1", "kots.io/v1beta2");
            // Mostly Bitnami, whose numbers the version generator mostly makes; each other family's known versions too.
            case CHART_FAMILY -> Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("bitnami")),
                    Tuple.of(2, Arbitraries.of(io.pgbackupwizard.chart.ChartFamily.params())));
            case CHART_VERSION -> Arbitraries.frequencyOf(
                    Tuple.of(4, Combinators.combine(Arbitraries.integers().between(7, 19),
                            Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 40),
                            Arbitraries.of("", "", "-rc.1", "+build.7", "-debian-12-r3"))
                            .as((major, minor, patch, suffix) -> major + "." + minor + "." + patch + suffix)),
                    Tuple.of(1, Arbitraries.of(java.util.Arrays.stream(io.pgbackupwizard.chart.ChartFamily.values())
                            .flatMap(family -> family.knownVersions().stream()).toList())));
            case ALLOW_EXTERNAL, RESTORE_HOOK -> Arbitraries.of("true", "false");
            case TYPE_OPTION, EMBEDDED_VALUE, EXTERNAL_VALUE, PASSWORD_OPTION ->
                word(LETTERS, LETTERS + "0123456789_-", 64);
            // ASCII only: non-ASCII names are refused now (hostile() still tries them)
            case USERNAME, DATABASE -> word(LETTERS + "0123456789_", LETTERS + "0123456789_.-", 24);
            // Mostly at or above the 1Mi minimum; the small ones (bytes, k, m, e3) are refused and still tried.
            case SCRATCH_SIZE -> Combinators.combine(Arbitraries.of("1", "512", "1.5", ".5", "2048", "+3"),
                    Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("Mi", "Gi", "Ti", "M", "G")),
                            Tuple.of(1, Arbitraries.of("", "Ki", "k", "m", "e3", "E2"))))
                    .as(String::concat);
            case SCRATCH_MEDIUM -> Arbitraries.of("Memory", "Disk");
            // your own StatefulSet's names (DNS labels, some too long or with capitals: refused)
            case CONTAINER_NAME, DATA_VOLUME -> Arbitraries.frequencyOf(
                    Tuple.of(20, Arbitraries.of("postgresql", "postgres", "db", "data", "pgdata")),
                    Tuple.of(1, word("abcdefghijklmnopqrstuvwxyzA", "abcdefghijklmnopqrstuvwxyz0123456789-", 70)));
            case MOUNT_PATH -> Arbitraries.oneOf(
                    Arbitraries.strings().withChars(LETTERS + "0123456789._-").ofMinLength(1).ofMaxLength(12)
                            .list().ofMinSize(1).ofMaxSize(4).map(segments -> "/" + String.join("/", segments)),
                    Arbitraries.of("/scratch", "/backup", "/data/dump", "/tmp/x", "/mnt/pg-dump"));
            case HOOK_TIMEOUT, RESTORE_WAIT_TIMEOUT, RESTORE_EXEC_TIMEOUT -> Combinators.combine(
                    Arbitraries.of("1", "1.5", "30", "90", "600", ".5"),
                    // mostly at or above the 1s minimum; sub-second units are refused and still tried
                    Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("s", "m", "h")),
                            Tuple.of(1, Arbitraries.of("ns", "us", "µs", "ms"))))
                    .as(String::concat)
                    .list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("", parts));
            case ON_ERROR, RESTORE_ON_ERROR -> Arbitraries.of("Fail", "Continue");
            case DUMP_FORMAT -> Arbitraries.of("custom", "plain");
            // postgres is refused on the official image's families (one superuser): app more often keeps enough accepted
            case HOOK_USER -> Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("app")),
                    Tuple.of(1, Arbitraries.just("postgres")));
            case INSTALL_PATH -> Arbitraries.of(Matrix.installPaths().stream().map(InstallPath::value).toList());
            case IMAGE_REGISTRY -> Arbitraries.of("", "docker.io", "registry.example.com:5000", "localhost", "quay.io");
            case IMAGE_REPOSITORY -> Arbitraries.of("", "bitnamilegacy/postgresql", "acme/mirror/postgresql", "postgresql");
            case IMAGE_TAG -> Arbitraries.of("", "17.6.0-debian-12-r4", "latest", "16_x");
            // Mostly empty (computed): a given limit is refused on charts before 15.0.0 or when it cannot hold the
            // scratch volume, and the hostile generator already tries bad ones.
            case CPU_LIMIT ->
                Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.just("")), Tuple.of(1, Arbitraries.of("250m", "2", "1.5")));
            case MEMORY_LIMIT, EPHEMERAL_STORAGE_LIMIT -> Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.just("")),
                    Tuple.of(1, Arbitraries.of("8Gi", "100Gi", "4G")));
            // Mostly no move; a move from each known Bitnami version (those before 11 are refused)
            case MIGRATE_FROM -> Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("")),
                    Tuple.of(1, Arbitraries.of(io.pgbackupwizard.chart.ChartFamily.BITNAMI.knownVersions())));
            case MIGRATE_FROM_RELEASE -> Arbitraries.of("postgresql", "db", "myapp", "myapp-postgresql");
            case MIGRATE_FROM_SECRET -> Arbitraries.of("", "", "db-credentials", "postgresql");
            case MIGRATE_FROM_PASSWORD_KEY -> Arbitraries.of("", "", "postgres-password", "admin.key", "ROOT_PW");
            // valid (the hook timeouts' generator tries the refused units, hostile() the rest)
            case MIGRATION_TIMEOUT -> Arbitraries.of("30m", "2h", "1h30m", "45s");
        };
    }

    private static Arbitrary<String> word(String first, String rest, int maxLength) {
        return Combinators.combine(Arbitraries.strings().withChars(first).ofLength(1),
                Arbitraries.strings().withChars(rest).ofMaxLength(maxLength - 1)).as(String::concat);
    }
}
