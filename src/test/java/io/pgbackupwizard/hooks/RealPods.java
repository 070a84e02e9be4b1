package io.pgbackupwizard.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.PodmanPod;
import io.pgbackupwizard.testsupport.RenderedPod;

/**
 * Steps of the real-container tests (PodmanPod): the app's database as the container has it, and a backup in one
 * pod, the scratch volume copied out as Velero's file-system backup copies it, the pod and its data deleted, and a
 * restore in a new pod with only that volume restored.
 */
final class RealPods {
    private RealPods() {
    }

    /** The first boot of these images takes 3-8 s here; a minute under a starved CPU. */
    static final Duration BOOT = Duration.ofMinutes(3);

    /** When Velero execs the restore hook: as the container starts (its default), or at the first passing readiness. */
    enum Timing {
        IMMEDIATE,
        READY
    }

    record Outcome(String before, String after, BashRunner.Result restore, List<String> scratchAfterRestore,
            long dumpBytes, long backupMillis, long restoreMillis, String log) {
    }

    /** The app's user, database and password as the container has them (the image's own variables). */
    record Db(PodmanPod pod, String user, String name, String password) {
        static Db of(PodmanPod pod) {
            String db = pod.env("POSTGRES_DATABASE", pod.env("POSTGRES_DB", "postgres"));
            if (pod.env("USERDB_USER", null) != null) // groundhog2k: the user of userDatabase, beside the superuser
                return new Db(pod, pod.env("USERDB_USER", null), db, pod.secret("USERDB_PASSWORD"));
            String user = pod.env("POSTGRES_USER", pod.env("POSTGRESQL_USERNAME", "postgres"));
            return new Db(pod, user, db, pod.secret("POSTGRES_PASSWORD"));
        }

        String sql(String database, String sql) {
            return pod.psql(user, password, database, sql);
        }

        /** As the postgres superuser, whose password the chart gives the container when it names another user. */
        String superuserSql(String database, String sql) {
            String password = user.equals("postgres") ? this.password
                    : pod.env("USERDB_USER", null) != null ? pod.secret("POSTGRES_PASSWORD") // groundhog2k's superuser
                            : pod.secret("POSTGRES_POSTGRES_PASSWORD");
            if (password == null)
                throw new AssertionError("the container has no postgres password");
            return pod.psql("postgres", password, database, sql);
        }

        /** Rows, sequences, constraints, owners, view and function, and (custom dumps only) the large objects. */
        String fingerprint(boolean largeObjects) {
            return SampleData.fingerprint(this::sql, name)
                    + (largeObjects ? "\n" + SampleData.largeObjectFingerprint(this::sql, name) : "");
        }
    }

    /** What the pod's backup hook dumps: a custom archive (large objects included) or plain SQL (refuses them). */
    static boolean customFormat(RenderedPod pod) {
        return VeleroExec.of(pod, VeleroExec.BACKUP).argv().get(2).contains("pg_dump -Fc");
    }

    /** Whether the hooks log in as postgres: then the seed includes an extension postgres owns. */
    static boolean superuserHooks(RenderedPod pod) {
        String script = VeleroExec.of(pod, VeleroExec.BACKUP).argv().get(2);
        return script.contains("POSTGRES_POSTGRES_PASSWORD") || script.contains(" -U postgres ");
    }

    /** The sample data as the chart's user creates it; a large object for custom dumps; an extension for superuser hooks. */
    static void seed(Db db, RenderedPod pod) {
        SampleData.load(db::sql, db.user(), db.name());
        if (customFormat(pod))
            SampleData.addLargeObject(db::sql, db.user(), db.name());
        if (superuserHooks(pod))
            SampleData.addPostgresOwnedExtension(db::superuserSql, db.user(), db.name());
    }

    /**
     * Seeds, backs up, copies the volume out, deletes the pod, restores into a new one, and reads the data back;
     * {@code options} shape the second pod (a starved CPU, say).
     */
    static Outcome roundTrip(RenderedPod pod, String image, List<String> restoreArgv, Timing timing, Duration hookTimeout,
            PodmanPod.Options options) {
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        String container = backup.container();
        boolean custom = customFormat(pod);
        String mount = scratchMount(pod, container);
        String before;
        Path saved;
        long backupMillis;
        try (PodmanPod a = PodmanPod.start(pod, container, image, options)) {
            Db db = Db.of(a);
            a.waitReady(false, BOOT);
            a.waitFinalServer(db.user(), db.password(), db.name(), BOOT);
            seed(db, pod);
            before = db.fingerprint(custom);
            long t = System.nanoTime();
            BashRunner.Result b = a.exec(backup.argv(), Pods.HOOK_TIMEOUT);
            backupMillis = (System.nanoTime() - t) / 1_000_000;
            assertEquals(0, b.exitCode(), () -> "backup hook failed: " + b.stderr() + "\n" + a.logTail());
            assertEquals(List.of(custom ? "backup.dump" : "backup.sql"), HookFixture.filesIn(a.mountDir(mount)),
                    "only the dump is backed up");
            saved = PodmanPod.copyOut(a.mountDir(mount));
        }
        try (PodmanPod c = PodmanPod.start(pod, container, image, options.restore(mount, saved))) {
            Db db = Db.of(c);
            if (timing == Timing.READY)
                c.waitReady(true, BOOT);
            long t = System.nanoTime();
            BashRunner.Result r = c.exec(restoreArgv, hookTimeout);
            long restoreMillis = (System.nanoTime() - t) / 1_000_000;
            c.waitFinalServer(db.user(), db.password(), db.name(), BOOT);
            String after;
            try {
                after = db.fingerprint(custom);
            } catch (AssertionError unreadable) { // the restored tables are not there
                after = "not readable: " + unreadable.getMessage();
            }
            return new Outcome(before, after, r, HookFixture.filesIn(c.mountDir(mount)), sizeOf(saved),
                    backupMillis, restoreMillis, c.logTail());
        }
    }

    /** Where the volume Velero copies (backup.velero.io/backup-volumes) is mounted in the hook's container. */
    static String scratchMount(RenderedPod pod, String container) {
        String volume = String.valueOf(pod.annotations().get("backup.velero.io/backup-volumes"));
        return pod.writableMounts(container).stream().filter(m -> m.volume().equals(volume)).findFirst()
                .map(RenderedPod.Mount::mountPath)
                .orElseThrow(() -> new AssertionError("volume " + volume + " is not mounted in " + container));
    }

    /** The round trip with the pod's own restore hook, which must succeed and bring back equal data. */
    static Outcome roundTripOk(RenderedPod pod, String image, Timing timing, PodmanPod.Options options) {
        Outcome o = roundTrip(pod, image, VeleroExec.of(pod, VeleroExec.RESTORE).argv(), timing, Pods.HOOK_TIMEOUT, options);
        assertEquals(0, o.restore().exitCode(), () -> "restore hook failed: " + o.restore().stderr() + "\n" + o.log());
        assertEquals(o.before(), o.after(), "restored data differs");
        return o;
    }

    static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
