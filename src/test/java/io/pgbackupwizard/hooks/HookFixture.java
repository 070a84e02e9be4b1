package io.pgbackupwizard.hooks;

import static io.pgbackupwizard.testsupport.PostgresServer.quoteLiteral;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.model.Field;
import io.pgbackupwizard.model.ValueRules;
import io.pgbackupwizard.model.WizardInput;
import io.pgbackupwizard.model.WizardInputParser;
import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.ManifestView;
import io.pgbackupwizard.testsupport.PostgresServer;
import io.pgbackupwizard.testsupport.TextFiles;

/** What the hook tests share: inputs, the commands as the manifest carries them, container environments. */
final class HookFixture {
    private HookFixture() {
    }

    static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Every character a shell or SQL could trip over; the hooks must pass it to libpq untouched. */
    static final String PASSWORD = "pa'ss \"wo$rd\\ `touch canary` $(touch canary) ü🐘";
    /** The default dumpFormat (custom) writes here. */
    static final String DUMP_FILE = "backup.dump";

    /** Parses params plus mountPath = a fresh scratch dir (the container's mounted emptyDir). */
    static WizardInput input(Map<String, String> params, Path mount) {
        assertDoesNotThrow(() -> ValueRules.absolutePath(mount.toString()), "scratch dir must be a valid mountPath");
        Map<String, List<String>> raw = new LinkedHashMap<>();
        params.forEach((k, v) -> raw.put(k, List.of(v)));
        raw.put(Field.MOUNT_PATH.param(), List.of(mount.toString()));
        WizardInputParser.Result r = new WizardInputParser().parse(raw);
        assertTrue(r.ok(), () -> "input rejected: " + r.errors());
        return r.input();
    }

    /** The backup and restore argv exactly as Velero would read them from the HelmChart's pod annotations. */
    record Hooks(List<String> backup, List<String> restore) {
        static Hooks of(Release release) {
            ManifestView helm = ManifestView.parse(release.text(ReleaseFile.HELMCHART));
            List<String> backup = helm.hookArgv(ManifestView.BACKUP_COMMAND).orElseThrow();
            List<String> restore = helm.hookArgv(ManifestView.RESTORE_COMMAND).orElseThrow();
            for (List<String> argv : List.of(backup, restore)) {
                assertEquals(3, argv.size(), () -> "argv " + argv);
                assertEquals(List.of("/bin/bash", "-c"), argv.subList(0, 2));
            }
            return new Hooks(backup, restore);
        }
    }

    /** How the chart hands the password to the PostgreSQL container. */
    enum Container {
        /** $POSTGRES_PASSWORD (charts up to 16.5, or usePasswordFiles: false). */
        PASSWORD_VARIABLE,
        /** Only $POSTGRES_PASSWORD_FILE (chart 16.6.0+ by default, or usePasswordFile: true). */
        PASSWORD_FILE;

        Map<String, String> env(PostgresServer pg, String password) {
            Map<String, String> env = pg.clientEnv();
            // the chart's port variable, and no PGPORT: nothing in the container sets it
            env.put("POSTGRESQL_PORT_NUMBER", env.remove("PGPORT"));
            if (this == PASSWORD_VARIABLE) {
                env.put("POSTGRES_PASSWORD", password);
            } else {
                env.put("POSTGRES_PASSWORD_FILE", writePasswordFile(password).toString());
            }
            return env;
        }
    }

    /** A password file as a Kubernetes secret mounts it: exactly the password bytes, readable by the container user. */
    static Path writePasswordFile(String password) {
        return TextFiles.write(BashRunner.newScratchDir().resolve("password"), password);
    }

    /** Creates role and database, or (role already made by an earlier case) an empty database for it. */
    static void createOrReset(PostgresServer pg, String role, String db) {
        if (pg.sql("postgres", "SELECT count(*) FROM pg_roles WHERE rolname = " + quoteLiteral(role)).equals("1")) {
            pg.recreateDatabase(role, db);
        } else {
            pg.createRoleAndDatabase(role, PASSWORD, db);
        }
    }

    /** Runs argv as Velero's exec would, in a fresh working dir, and checks no injected command ran there. */
    static BashRunner.Result run(List<String> argv, Map<String, String> env) {
        Path workDir = BashRunner.newScratchDir();
        BashRunner.Result r = BashRunner.run(argv, env, TIMEOUT, workDir);
        assertEquals(List.of(), filesIn(workDir), "the hook left files in its working dir");
        return r;
    }

    static List<String> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
