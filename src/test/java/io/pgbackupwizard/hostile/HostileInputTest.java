package io.pgbackupwizard.hostile;

import static io.pgbackupwizard.hostile.FakeClients.after;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.hostile.HostileCorpus.Hostile;
import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.FieldError;
import io.pgbackupwizard.model.WizardInput;
import io.pgbackupwizard.model.WizardInputParser;
import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.ManifestView;

/**
 * Every hostile value is either rejected with an error naming exactly its field, or accepted and then harmless: the
 * hooks taken from the manifest run injection-free and hand it to the clients verbatim, and the YAML reads back
 * exactly that value where it lands.
 */
@Tag("slow") // a slow suite: runs in mvn verify (Failsafe), not in mvn test
class HostileInputTest {

    static final String PASSWORD = "pw $(touch canary) `touch canary` '\"; touch canary";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final WizardInputParser PARSER = new WizardInputParser();
    private static FakeClients clients;

    @BeforeAll
    static void installFakeClients() {
        clients = FakeClients.install();
    }

    /** The field alone, plus (unless it is the field under test) a writable scratch dir as mountPath. */
    static WizardInputParser.Result parse(Hostile h, Path mount) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (h.field() != Field.MOUNT_PATH)
            params.put(Field.MOUNT_PATH.param(), List.of(mount.toString()));
        // Plain dumps: the restore then runs psql -f, which the fake psql records (unless the value is for dumpFormat).
        if (h.field() != Field.DUMP_FORMAT)
            params.put(Field.DUMP_FORMAT.param(), List.of("plain"));
        params.put(h.field().param(), List.of(h.value()));
        return PARSER.parse(params);
    }

    static Stream<Hostile> rejected() {
        return HostileCorpus.entries().stream().filter(h -> !parse(h, Path.of("/scratch")).ok());
    }

    static Stream<Hostile> accepted() {
        return HostileCorpus.entries().stream().filter(h -> parse(h, Path.of("/scratch")).ok());
    }

    @Test
    void noShellPayloadGetsPastAnyRule() {
        // Defence in depth: the scripts quote every value, and the rules let no shell syntax through to begin with.
        List<Hostile> survivors = accepted()
                .filter(h -> HostileCorpus.SHELL_PAYLOADS.stream().anyMatch(h.value()::contains)).toList();
        assertEquals(List.of(), survivors);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectedValueIsReportedForItsFieldOnly(Hostile h) {
        List<FieldError> errors = parse(h, BashRunner.newScratchDir()).errors();
        assertFalse(errors.isEmpty());
        assertEquals(List.of(h.field().param()), errors.stream().map(FieldError::field).distinct().toList(),
                () -> errors.toString());
        errors.forEach(e -> assertFalse(e.message().isBlank()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedValueReadsBackExactlyAndRunsHarmlessly(Hostile h) {
        Path mount = BashRunner.newScratchDir();
        WizardInputParser.Result parsed = parse(h, mount);
        assertTrue(parsed.ok(), () -> parsed.errors().toString());
        WizardInput in = parsed.input();
        Release release = Release.of(in);
        ManifestView helm = ManifestView.parse(release.text(ReleaseFile.HELMCHART));
        // Choice fields (dumpFormat, hookUser, restoreOnError) accept only their fixed words: nothing to land.
        // The parser trims what a paste adds around a value; only spaces left is an optional field left empty.
        String landed = h.value().strip();
        if (!landed.isEmpty() && (h.field().control().choices().isEmpty()
                || h.field().control().kind() == io.pgbackupwizard.model.Control.Kind.SUGGEST)) {
            Landing.assertLandsExactly(h.field(), landed, helm, ManifestView.parse(release.text(ReleaseFile.CONFIG)));
        }

        Path work = BashRunner.newScratchDir();
        Path log = BashRunner.newScratchDir();
        Map<String, String> env = new java.util.HashMap<>(clients.env(log, PASSWORD));
        // " postgres" is trimmed to postgres: the superuser's password is the chart's other variable.
        if (in.hookUser() == io.pgbackupwizard.model.HookUser.postgres)
            env.put("POSTGRES_POSTGRES_PASSWORD", PASSWORD);
        BashRunner.Result backup = BashRunner.run(hookArgv(helm, ManifestView.BACKUP_COMMAND), env, TIMEOUT, work);
        BashRunner.Result restore = BashRunner.run(hookArgv(helm, ManifestView.RESTORE_COMMAND), env, TIMEOUT, work);

        assertNoCanary(work, log, mount);
        // A mount path is the container's, not a dir of this machine: the backup stops at its lock file there, so
        // only the absence of any injected command (above) and the exact landing in the manifest are checked.
        if (h.field() == Field.MOUNT_PATH)
            return;
        // The one dumpFormat value besides plain, custom, restores with pg_restore, which has no stand-in here
        // (the container harness runs it for real).
        if (h.field() == Field.DUMP_FORMAT)
            return;
        List<String> dumpArgv = FakeClients.argv(log, "pg_dump").orElseThrow(() -> new AssertionError(backup));
        String user = in.hookUser() == io.pgbackupwizard.model.HookUser.postgres ? "postgres" : in.username();
        assertEquals(user, after(dumpArgv, "-U"));
        assertEquals(in.database(), after(dumpArgv, "-d"));
        assertEquals(Path.of(in.mountPath()), Path.of(after(dumpArgv, "-f")).getParent());
        assertEquals(PASSWORD, FakeClients.password(log, "pg_dump"));
        assertEquals(0, backup.exitCode(), backup::toString);
        assertEquals(0, restore.exitCode(), restore::toString);
        List<String> psqlArgv = FakeClients.argv(log, "psql").orElseThrow(() -> new AssertionError(restore));
        assertEquals(user, after(psqlArgv, "-U"));
        assertEquals(in.database(), after(psqlArgv, "-d"));
        assertEquals(mount.resolve("backup.sql").toString(), after(psqlArgv, "-f"));
        assertEquals(PASSWORD, FakeClients.password(log, "psql"));
        assertFalse(Files.exists(mount.resolve("backup.sql")), "restore removes the dump it loaded");
    }

    private static List<String> hookArgv(ManifestView helm, String annotation) {
        List<String> argv = helm.hookArgv(annotation).orElseThrow(() -> new AssertionError("no " + annotation));
        assertEquals(3, argv.size(), argv::toString);
        assertEquals(List.of("/bin/bash", "-c"), argv.subList(0, 2));
        return argv;
    }

    private static void assertNoCanary(Path... dirs) {
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains(HostileCorpus.CANARY))
                        .toList(), "an injected command ran");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
