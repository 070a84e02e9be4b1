package io.pgbackupwizard.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.pgbackupwizard.hooks.RealPods.Db;
import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.BitnamiImages;
import io.pgbackupwizard.testsupport.PodmanPod;
import io.pgbackupwizard.testsupport.PostgresServer;
import io.pgbackupwizard.testsupport.RenderedPod;
import io.pgbackupwizard.testsupport.TextFiles;

/**
 * A backup hook that cannot finish exits non-zero and leaves nothing a restore would load: not a half dump, and
 * not the previous backup's dump either (Velero would ship it as if it were current). In the real container
 * (PodmanPod), as the rendered pod runs.
 */
// Each test is @Execution(CONCURRENT): two pods at a time (the failsafe configuration in pom.xml), since their time is the
// first boot, not CPU. The class stays on one thread, so its report holds only its own tests.
@Tag("slow")
class ContainerFailureTest {

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "chart {0}")
    @ValueSource(strings = { "8.7.4", "17.1.0" })
    void wrongPassword(String version) {
        RenderedPod pod = Pods.render(version, Map.of(), Map.of());
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        try (PodmanPod c = PodmanPod.start(pod, backup.container(), BitnamiImages.forChart(version))) {
            Db db = Db.of(c);
            c.waitFinalServer(db.user(), db.password(), db.name(), RealPods.BOOT);
            Path scratch = c.mountDir(WizardRelease.MOUNT);
            TextFiles.write(scratch.resolve("backup.dump"), "an earlier backup");
            db.sql(db.name(), "ALTER ROLE " + PostgresServer.quoteIdent(db.user()) + " PASSWORD 'not-the-secret'");
            BashRunner.Result r = c.exec(backup.argv(), Pods.HOOK_TIMEOUT);
            assertNotEquals(0, r.exitCode());
            assertTrue(r.stderr().contains("password authentication failed"), r.stderr());
            assertNoDump(HookFixture.filesIn(scratch));
        }
    }

    /**
     * PostgreSQL is PID 1 of the container: here the container runs without it (as after a crash of the server). The
     * official image's charts too (the wrong-password case is Bitnami's alone: theirs trust 127.0.0.1 by default).
     */
    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "bitnami 8.7.4", "bitnami 17.1.0", "cloudpirates 0.20.1", "groundhog2k 1.6.7" })
    void serverDown(String chart) {
        RenderedPod pod = Pods.render(chart, Map.of());
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        try (PodmanPod c = PodmanPod.start(pod, backup.container(), Pods.image(chart),
                PodmanPod.Options.NONE.withoutServer())) {
            BashRunner.Result r = c.exec(backup.argv(), Pods.HOOK_TIMEOUT);
            assertNotEquals(0, r.exitCode());
            assertTrue(r.stderr().contains("Connection refused"), r.stderr());
            assertNoDump(HookFixture.filesIn(c.mountDir(RealPods.scratchMount(pod, backup.container()))));
        }
    }

    /** A 64 KiB scratch volume: pg_dump hits ENOSPC; the listing is taken inside the container (a tmpfs). */
    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0}, dumpFormat {1}")
    @CsvSource({ "bitnami 17.1.0, custom", "bitnami 17.1.0, plain", "cloudpirates 0.20.1, custom",
            "groundhog2k 1.6.7, plain" })
    void scratchFull(String chart, String format) {
        RenderedPod pod = Pods.render(chart, Map.of("dumpFormat", format));
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        String mount = RealPods.scratchMount(pod, backup.container());
        try (PodmanPod c = PodmanPod.start(pod, backup.container(), Pods.image(chart),
                PodmanPod.Options.NONE.full(mount, 64 * 1024))) {
            Db db = Db.of(c);
            c.waitFinalServer(db.user(), db.password(), db.name(), RealPods.BOOT);
            SampleData.load(db::sql, db.user(), db.name());
            BashRunner.Result r = c.exec(backup.argv(), Pods.HOOK_TIMEOUT);
            assertNotEquals(0, r.exitCode());
            assertTrue(r.stderr().contains("No space left on device"), r.stderr());
            BashRunner.Result ls = c.exec(List.of("ls", "-A", mount), Duration.ofSeconds(20));
            assertNoDump(Arrays.stream(ls.stdout().split("\n")).filter(s -> !s.isBlank()).toList());
        }
    }

    /** A timed-out earlier run still holds the lock (Velero cannot kill it): the next backup fails at once. */
    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "bitnami 17.1.0", "cloudpirates 0.20.1", "groundhog2k 1.6.7" })
    void overlappingBackupFailsFast(String chart) {
        RenderedPod pod = Pods.render(chart, Map.of());
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        try (PodmanPod c = PodmanPod.start(pod, backup.container(), Pods.image(chart))) {
            Db db = Db.of(c);
            c.waitFinalServer(db.user(), db.password(), db.name(), RealPods.BOOT);
            CompletableFuture<BashRunner.Result> earlier = c.execAsync(List.of("/bin/bash", "-c",
                    "exec 9<" + RealPods.scratchMount(pod, backup.container()) + "; flock 9; sleep 6"),
                    Duration.ofSeconds(30));
            Pods.sleep(2000);
            long start = System.nanoTime();
            BashRunner.Result r = c.exec(backup.argv(), Pods.HOOK_TIMEOUT);
            assertNotEquals(0, r.exitCode());
            assertTrue(r.stderr().contains("an earlier backup hook still runs"), r.stderr());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 4, "must not wait for the lock");
            assertEquals(0, earlier.join().exitCode());
        }
    }

    /** Nothing under a name the restore loads, and no temporary or lock file left behind. */
    static void assertNoDump(List<String> files) {
        assertEquals(List.of(), files, "files a failed backup left in the scratch volume");
    }
}
