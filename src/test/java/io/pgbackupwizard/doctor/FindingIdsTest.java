package io.pgbackupwizard.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.testsupport.TextFiles;

/**
 * Guards on the doctor as a whole: every rule class is registered, and every finding id a rule can report is asserted
 * by some test (the corpus, or one edit of the clean file below), so a rule that stops firing fails a test.
 */
class FindingIdsTest {

    static final Path MAIN = Path.of("src/main/java/io/pgbackupwizard/doctor");
    static final Path CLEAN = Path.of("src/test/resources/doctor/clean-17.1.0-v1beta2.yaml");
    static final Path CONFIG = Path.of("src/test/resources/doctor/config.yaml");

    /** One pitfall planted in the clean 17.1.0 file; the finding it must raise. */
    record Edit(String id, String from, String to, boolean withConfig) {
        @Override
        public String toString() {
            return id;
        }
    }

    static final List<Edit> EDITS = List.of(
            new Edit("BAD_ON_ERROR", "pre.hook.backup.velero.io/on-error: Fail", "pre.hook.backup.velero.io/on-error: fail",
                    false),
            new Edit("BUILDER_TEMPLATE", "  builder:\n    image:\n      registry: docker.io",
                    "  builder:\n    image:\n      registry: 'repl{{ LocalRegistryHost }}'", false),
            new Edit("CLIENT_NO_HOST", "pg_dump --clean --if-exists -U username -d dbname -h 127.0.0.1 -p",
                    "pg_dump --clean --if-exists -U username -d dbname -p", false),
            new Edit("CONFIG_CHOICE_UNDEFINED", "\"postgres_type\" \"external_postgres\"", "\"postgres_type\" \"external\"",
                    true),
            new Edit("IMAGE_CHECK_WARNS", "    global:\n      security:\n        allowInsecureImages: true\n      postgresql:",
                    "    global:\n      postgresql:", false),
            new Edit("NO_BACKUP_HOOK", "        pre.hook.backup.velero.io/command:", "        x-removed:", false),
            new Edit("NO_BACKUP_VOLUMES", "        backup.velero.io/backup-volumes: backup\n", "", false),
            new Edit("NO_PGPASSWORD",
                    "set -euo pipefail; PGPASSWORD=\\\"${POSTGRES_PASSWORD:-$(cat \\\"$POSTGRES_PASSWORD_FILE\\\")}\\\"; export PGPASSWORD; pg_dump",
                    "set -euo pipefail; pg_dump", false),
            new Edit("UNKNOWN_API_VERSION", "apiVersion: kots.io/v1beta2", "apiVersion: kots.io/v1beta3", false),
            new Edit("UNKNOWN_CHART_VERSION", "chartVersion: 17.1.0", "chartVersion: 7.0.0", false),
            new Edit("WRONG_HOOK_CONTAINER", "pre.hook.backup.velero.io/container: postgresql",
                    "pre.hook.backup.velero.io/container: postgres", false));

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void eachPlantedPitfallRaisesItsFinding(Edit e) {
        String clean = TextFiles.read(CLEAN);
        assertTrue(clean.contains(e.from()), () -> "the clean file no longer has: " + e.from());
        String planted = clean.replace(e.from(), e.to());
        List<String> ids = Doctor.check(planted, e.withConfig() ? TextFiles.read(CONFIG) : null).findings().stream()
                .map(Finding::rule).toList();
        assertTrue(ids.contains(e.id()), () -> e.id() + " expected, got " + ids);
        List<String> onClean = Doctor.check(clean, e.withConfig() ? TextFiles.read(CONFIG) : null).findings().stream()
                .map(Finding::rule).toList();
        assertTrue(!onClean.contains(e.id()), () -> "the clean file already raises " + e.id());
    }

    static List<Edit> edits() {
        return EDITS;
    }

    /** Every id written in a rule is named by another test, or planted by an edit above. */
    @Test
    void everyFindingIdIsAssertedSomewhere() throws IOException {
        Set<String> ids = idsIn(MAIN);
        Path self = Path.of("src/test/java/io/pgbackupwizard/doctor/FindingIdsTest.java");
        String otherTests = allText(Path.of("src/test/java"), self) + allText(Path.of("src/test/resources"), self);
        Set<String> unasserted = new TreeSet<>(ids);
        unasserted.removeIf(id -> otherTests.contains(id) || EDITS.stream().anyMatch(e -> e.id().equals(id)));
        assertEquals(Set.of(), unasserted, "finding ids no test asserts (add a corpus file or an edit here)");
        assertTrue(ids.size() > 40, "the scan found the ids: " + ids);
    }

    /** Every Rule in doctor/rules is in Doctor.RULES: a rule nobody registered never runs. */
    @Test
    void everyRuleIsRegistered() throws IOException {
        Set<String> declared = new TreeSet<>();
        try (Stream<Path> files = Files.list(MAIN.resolve("rules"))) {
            for (Path f : files.toList()) {
                if (Files.readString(f).matches("(?s).*\\bclass \\w+ implements Rule\\b.*")) {
                    declared.add(f.getFileName().toString().replace(".java", ""));
                }
            }
        }
        Set<String> registered = new TreeSet<>(Doctor.RULES.stream().map(r -> r.getClass().getSimpleName()).toList());
        assertEquals(declared, registered);
    }

    /** Each rule declares exactly the ids its own code writes (the docs table shows the declared ones). */
    @Test
    void eachRuleDeclaresTheIdsItWrites() throws IOException {
        for (Rule r : Doctor.RULES) {
            Path source = MAIN.resolve("rules").resolve(r.getClass().getSimpleName() + ".java");
            assertEquals(idsIn(source), new TreeSet<>(r.findings()), r.getClass().getSimpleName() + ".findings()");
        }
    }

    /** In a folder or one file: upper-case string literals with an underscore, as the rules write finding ids. */
    static Set<String> idsIn(Path dir) throws IOException {
        Pattern id = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = id.matcher(Files.readString(f));
                while (m.find())
                    ids.add(m.group(1));
            }
        }
        ids.remove("POSTGRES_POSTGRES_PASSWORD");
        return ids;
    }

    private static String allText(Path dir, Path except) {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder out = new StringBuilder();
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(except)).toList()) {
                out.append(Files.readString(f)).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
