package io.pgbackupwizard.hooks;

import static io.pgbackupwizard.hooks.HookFixture.DUMP_FILE;
import static io.pgbackupwizard.hooks.HookFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.hooks.HookFixture.Container;
import io.pgbackupwizard.hooks.HookFixture.Hooks;
import io.pgbackupwizard.model.WizardInput;
import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.PostgresServer;

/**
 * Hooks that cannot do their job exit non-zero (Velero's on-error: Fail sees it), leave no dump a later restore
 * could mistake for a fresh one, and a failed restore changes nothing and keeps the dump for another try.
 */
@Tag("slow") // a slow suite: runs in mvn verify (Failsafe), not in mvn test
class HookFailureTest {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private Path mount;
    private Path dump;
    private WizardInput in;
    private Hooks hooks;

    @BeforeEach
    void databaseWithData() {
        mount = BashRunner.newScratchDir();
        dump = mount.resolve(DUMP_FILE);
        in = HookFixture.input(Map.of("username", "failing.user", "database", "failing-db"), mount);
        HookFixture.createOrReset(PG, in.username(), in.database());
        SampleData.load(PG, in.username(), in.database());
        hooks = Hooks.of(Release.of(in));
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void backupWithWrongPasswordFailsAndRemovesTheOldDump(Container container) throws IOException {
        Files.writeString(dump, "-- dump of an earlier backup\n");
        BashRunner.Result r = HookFixture.run(hooks.backup(), container.env(PG, "not the password"));
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("password authentication failed"), r::toString);
        assertFalse(Files.exists(dump), "a stale dump would be backed up as if it were current");
    }

    @Test
    void backupIntoReadOnlyScratchDirFails() {
        BashRunner.makeReadOnly(mount);
        BashRunner.Result r = HookFixture.run(hooks.backup(), Container.PASSWORD_VARIABLE.env(PG, PASSWORD));
        assertNotEquals(0, r.exitCode(), r::toString);
        assertFalse(Files.exists(dump));
    }

    @Test
    void backupWithoutAnyPasswordVariableFailsNamingIt() throws IOException {
        Files.writeString(dump, "-- dump of an earlier backup\n");
        BashRunner.Result r = HookFixture.run(hooks.backup(), PG.clientEnv());
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("POSTGRES_PASSWORD"), () -> "the log should say what is missing: " + r);
        assertFalse(Files.exists(dump));
    }

    @Test
    void backupWithMissingPasswordFileFails() {
        Map<String, String> env = PG.clientEnv();
        env.put("POSTGRES_PASSWORD_FILE", BashRunner.newScratchDir().resolve("no-such-file").toString());
        BashRunner.Result r = HookFixture.run(hooks.backup(), env);
        assertNotEquals(0, r.exitCode(), r::toString);
        assertFalse(Files.exists(dump));
    }

    /**
     * pg_dump's plain output wraps large objects in its own BEGIN/COMMIT, which would end the restore's single
     * transaction early: the plain backup refuses such a database and names the way out.
     */
    @Test
    void plainBackupOfLargeObjectsFailsNamingTheCustomFormat() throws IOException {
        WizardInput plain = HookFixture.input(Map.of("dumpFormat", "plain", "username", in.username(),
                "database", in.database()), mount);
        SampleData.addLargeObject(PG::sql, in.username(), in.database());
        Files.writeString(mount.resolve(plain.dumpFormat().fileName()), "-- dump of an earlier backup\n");
        BashRunner.Result r = HookFixture.run(Hooks.of(Release.of(plain)).backup(),
                Container.PASSWORD_VARIABLE.env(PG, PASSWORD));
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("large objects in the database: 1;") && r.stderr().contains("dumpFormat custom"),
                () -> "the log should say why and what to do: " + r);
        assertEquals(List.of(), HookFixture.filesIn(mount), "no dump, old or partial, may be backed up");
    }

    @Test
    void restoreWithoutDumpFailsAndLeavesTheDatabaseAlone() {
        String before = SampleData.fingerprint(PG, in.database());
        BashRunner.Result r = HookFixture.run(hooks.restore(), Container.PASSWORD_VARIABLE.env(PG, PASSWORD));
        assertNotEquals(0, r.exitCode(), r::toString);
        assertEquals(before, SampleData.fingerprint(PG, in.database()));
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void restoreWithWrongPasswordFailsAndKeepsTheDump(Container container) {
        backUp();
        BashRunner.Result r = HookFixture.run(hooks.restore(), container.env(PG, "not the password"));
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(Files.isRegularFile(dump), "the dump is needed for the next attempt");
    }

    @Test
    void restoreOfDumpFailingPartwayChangesNothingAndKeepsTheDump() throws IOException {
        backUp();
        byte[] whole = Files.readAllBytes(dump);
        Files.write(dump, java.util.Arrays.copyOf(whole, whole.length * 2 / 3), StandardOpenOption.TRUNCATE_EXISTING);
        SampleData.change(PG, in.database());
        String changed = SampleData.fingerprint(PG, in.database());

        BashRunner.Result r = HookFixture.run(hooks.restore(), Container.PASSWORD_VARIABLE.env(PG, PASSWORD));
        assertNotEquals(0, r.exitCode(), r::toString);
        assertEquals(changed, SampleData.fingerprint(PG, in.database()), "a failed restore must roll back entirely");
        assertTrue(Files.isRegularFile(dump));
    }

    private void backUp() {
        BashRunner.Result r = HookFixture.run(hooks.backup(), Container.PASSWORD_VARIABLE.env(PG, PASSWORD));
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Files.isRegularFile(dump));
    }
}
