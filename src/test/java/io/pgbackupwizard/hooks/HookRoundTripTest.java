package io.pgbackupwizard.hooks;

import static io.pgbackupwizard.hooks.HookFixture.DUMP_FILE;
import static io.pgbackupwizard.hooks.HookFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.hooks.HookFixture.Container;
import io.pgbackupwizard.hooks.HookFixture.Hooks;
import io.pgbackupwizard.model.WizardInput;
import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.PostgresServer;

/**
 * The generated hooks, taken from the manifest, dump a real database and load it back row for row, for every chart
 * generation and both ways the chart hands over the password.
 */
@Tag("slow") // a slow suite: runs in mvn verify (Failsafe), not in mvn test
class HookRoundTripTest {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    /**
     * Where the chart reads the user and database it creates (reference sheet, "Bitnami chart generations"): the
     * role the test creates comes from there, so the hooks must use the very user the chart would create.
     */
    enum Credentials {
        POSTGRESQL_KEYS(List.of("global", "postgresql", "postgresqlUsername"),
                List.of("global", "postgresql", "postgresqlDatabase")),
        AUTH_KEYS(List.of("global", "postgresql", "auth", "username"), List.of("global", "postgresql", "auth", "database"));

        final List<String> user;
        final List<String> database;

        Credentials(List<String> user, List<String> database) {
            this.user = user;
            this.database = database;
        }

        String user(ManifestView helm) {
            return (String) helm.at(Stream.concat(Stream.of("spec", "values"), user.stream()).toArray());
        }

        String database(ManifestView helm) {
            return (String) helm.at(Stream.concat(Stream.of("spec", "values"), database.stream()).toArray());
        }
    }

    record Case(String label, Map<String, String> params, Credentials credentials) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("defaults (chart 17.1.0)", Map.of(), Credentials.AUTH_KEYS),
            new Case("chart 8.7.4", Map.of("chartVersion", "8.7.4"), Credentials.POSTGRESQL_KEYS),
            new Case("chart 10.16.3", Map.of("chartVersion", "10.16.3"), Credentials.POSTGRESQL_KEYS),
            new Case("chart 11.9.13", Map.of("chartVersion", "11.9.13"), Credentials.AUTH_KEYS),
            new Case("chart 16.7.27", Map.of("chartVersion", "16.7.27"), Credentials.AUTH_KEYS),
            new Case("chart 17.1.0", Map.of("chartVersion", "17.1.0"), Credentials.AUTH_KEYS),
            new Case("odd names, chart 8.7.4", Map.of("chartVersion", "8.7.4",
                    "username", "App.User-1_x", "database", "Daten_-2.X"), Credentials.POSTGRESQL_KEYS),
            new Case("odd names, chart 17.1.0", Map.of("chartVersion", "17.1.0", "username", "App.User-1_x",
                    "database", "Daten_-2.X"), Credentials.AUTH_KEYS));

    static Stream<Arguments> casesInBothContainers() {
        return CASES.stream().flatMap(c -> Arrays.stream(Container.values()).map(k -> Arguments.of(c, k)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("casesInBothContainers")
    void backupThenRestoreIntoEmptyDatabaseReproducesEveryRow(Case c, Container container) {
        Path mount = BashRunner.newScratchDir();
        Release release = Release.of(HookFixture.input(c.params(), mount));
        ManifestView helm = ManifestView.parse(release.text(ReleaseFile.HELMCHART));
        String role = c.credentials().user(helm);
        String db = c.credentials().database(helm);
        HookFixture.createOrReset(PG, role, db);
        SampleData.load(PG, role, db);
        String before = SampleData.fingerprint(PG, db);

        Hooks hooks = Hooks.of(release);
        Map<String, String> env = container.env(PG, PASSWORD);
        BashRunner.Result backup = HookFixture.run(hooks.backup(), env);
        assertEquals(0, backup.exitCode(), backup::toString);
        assertTrue(Files.isRegularFile(mount.resolve(DUMP_FILE)), "no dump in the mounted volume");

        PG.recreateDatabase(role, db);
        assertEquals(0, SampleData.tableCount(PG, db), "wipe left tables behind");

        BashRunner.Result restore = HookFixture.run(hooks.restore(), env);
        assertEquals(0, restore.exitCode(), restore::toString);
        assertFalse(Files.exists(mount.resolve(DUMP_FILE)), "restore must delete the dump it loaded");
        assertEquals(before, SampleData.fingerprint(PG, db));
    }

    /** The default (custom) format carries large objects inside the restore's one transaction. */
    @Test
    void largeObjectsRoundTripInTheCustomFormat() {
        Path mount = BashRunner.newScratchDir();
        WizardInput in = HookFixture.input(Map.of("username", "blob.user", "database", "blob-db"), mount);
        HookFixture.createOrReset(PG, in.username(), in.database());
        SampleData.load(PG, in.username(), in.database());
        SampleData.addLargeObject(PG::sql, in.username(), in.database());
        String before = SampleData.largeObjectFingerprint(PG::sql, in.database());
        assertTrue(before.startsWith("large objects 1 "), before);
        Hooks hooks = Hooks.of(Release.of(in));
        Map<String, String> env = Container.PASSWORD_FILE.env(PG, PASSWORD);
        BashRunner.Result backup = HookFixture.run(hooks.backup(), env);
        assertEquals(0, backup.exitCode(), backup::toString);

        PG.recreateDatabase(in.username(), in.database());
        BashRunner.Result restore = HookFixture.run(hooks.restore(), env);
        assertEquals(0, restore.exitCode(), restore::toString);
        assertEquals("", restore.stderr(), "nothing but errors reach Velero's log");
        assertEquals(before, SampleData.largeObjectFingerprint(PG::sql, in.database()));
    }

    /** Only the dump is in the backed-up volume: no lock file, and a killed run's temporary file is swept. */
    @ParameterizedTest
    @ValueSource(strings = { "custom", "plain" })
    void theVolumeHoldsOnlyTheDump(String format) throws java.io.IOException {
        Path mount = BashRunner.newScratchDir();
        WizardInput in = HookFixture.input(Map.of("dumpFormat", format, "username", "only.user", "database", "only-db"), mount);
        HookFixture.createOrReset(PG, in.username(), in.database());
        SampleData.load(PG, in.username(), in.database());
        Files.writeString(mount.resolve(".backup.Xk3q9Z"), "half a dump from a run the kubelet killed");
        BashRunner.Result backup = HookFixture.run(Hooks.of(Release.of(in)).backup(),
                Container.PASSWORD_VARIABLE.env(PG, PASSWORD));
        assertEquals(0, backup.exitCode(), backup::toString);
        assertEquals(List.of(in.dumpFormat().fileName()), HookFixture.filesIn(mount));
    }

    @Test
    void restoreOverChangedDataBringsBackTheDumpedRows() {
        Path mount = BashRunner.newScratchDir();
        WizardInput in = HookFixture.input(Map.of("username", "changed.user", "database", "changed-db"), mount);
        HookFixture.createOrReset(PG, in.username(), in.database());
        SampleData.load(PG, in.username(), in.database());
        String dumped = SampleData.fingerprint(PG, in.database());
        Hooks hooks = Hooks.of(Release.of(in));
        Map<String, String> env = Container.PASSWORD_VARIABLE.env(PG, PASSWORD);
        BashRunner.Result backup = HookFixture.run(hooks.backup(), env);
        assertEquals(0, backup.exitCode(), backup::toString);

        SampleData.change(PG, in.database());
        assertNotEquals(dumped, SampleData.fingerprint(PG, in.database()), "the change must show in the fingerprint");

        BashRunner.Result restore = HookFixture.run(hooks.restore(), env);
        assertEquals(0, restore.exitCode(), restore::toString);
        assertEquals(dumped, SampleData.fingerprint(PG, in.database()));
        assertFalse(Files.exists(mount.resolve(DUMP_FILE)));
    }
}
