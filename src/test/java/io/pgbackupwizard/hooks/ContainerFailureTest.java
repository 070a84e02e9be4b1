package io.pgbackupwizard.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.BitnamiServer;
import io.pgbackupwizard.testsupport.ContainerRunner;
import io.pgbackupwizard.testsupport.PodNetwork;
import io.pgbackupwizard.testsupport.PostgresServer;
import io.pgbackupwizard.testsupport.RenderedPod;
import io.pgbackupwizard.testsupport.TextFiles;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A backup hook that cannot finish exits non-zero and leaves nothing a restore would load: not a half dump, and
 * not the previous backup's dump either (Velero would ship it as if it were current).
 */
@Tag("slow")
class ContainerFailureTest {

    @ParameterizedTest(name = "chart {0}")
    @ValueSource(strings = {"8.7.4", "17.1.0"})
    void wrongPassword(String version) {
        RenderedPod pod = Pods.render(version, Map.of(), Map.of());
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        try (PodNetwork net = PodNetwork.create()) {
            ContainerRunner c = ContainerRunner.of(pod, backup.container(), net);
            TextFiles.write(c.mountDir(WizardRelease.MOUNT).resolve("backup.dump"), "an earlier backup");
            try (BitnamiServer pg = Pods.bootedServer(net, c, pod, backup.container())) {
                pg.sql("postgres", "ALTER ROLE " + PostgresServer.quoteIdent(pg.user()) + " PASSWORD 'not-the-secret'");
                BashRunner.Result r = c.exec(backup.argv(), Pods.HOOK_TIMEOUT);
                assertNotEquals(0, r.exitCode());
                assertTrue(r.stderr().contains("password authentication failed"), r.stderr());
                assertNoDump(HookFixture.filesIn(c.mountDir(WizardRelease.MOUNT)));
            }
        }
    }

    @ParameterizedTest(name = "chart {0}")
    @ValueSource(strings = {"8.7.4", "17.1.0"})
    void serverDown(String version) {
        RenderedPod pod = Pods.render(version, Map.of(), Map.of());
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        try (PodNetwork net = PodNetwork.create()) {
            ContainerRunner c = ContainerRunner.of(pod, backup.container(), net);
            BashRunner.Result r = c.exec(backup.argv(), Pods.HOOK_TIMEOUT);
            assertNotEquals(0, r.exitCode());
            assertTrue(r.stderr().contains("Connection refused"), r.stderr());
            assertNoDump(HookFixture.filesIn(c.mountDir(WizardRelease.MOUNT)));
        }
    }

    /** A 64 KiB scratch volume: pg_dump hits ENOSPC; the listing is taken inside the same exec (tmpfs). */
    @ParameterizedTest(name = "chart {0}, dumpFormat {0}")
    @ValueSource(strings = {"custom", "plain"})
    void scratchFull(String format) {
        RenderedPod pod = Pods.render("17.1.0", Map.of("dumpFormat", format), Map.of());
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        try (PodNetwork net = PodNetwork.create()) {
            ContainerRunner c = ContainerRunner.of(pod, backup.container(), net).withFullMount(WizardRelease.MOUNT, 64 * 1024);
            try (BitnamiServer pg = Pods.bootedServer(net, c, pod, backup.container())) {
                SampleData.load(pg::sql, pg.user(), pg.database());
                BashRunner.Result r = c.exec(List.of("/bin/bash", "-c",
                        "( /bin/bash -c \"$1\" ); rc=$?; ls -A " + WizardRelease.MOUNT + "; exit $rc", "_", backup.script()),
                        Pods.HOOK_TIMEOUT);
                assertNotEquals(0, r.exitCode());
                assertTrue(r.stderr().contains("No space left on device"), r.stderr());
                assertNoDump(Arrays.stream(r.stdout().split("\n")).filter(s -> !s.isBlank()).toList());
            }
        }
    }

    /** A timed-out earlier run still holds the lock (Velero cannot kill it): the next backup fails at once. */
    @ParameterizedTest(name = "chart {0}")
    @ValueSource(strings = {"17.1.0"})
    void overlappingBackupFailsFast(String version) {
        RenderedPod pod = Pods.render(version, Map.of(), Map.of());
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        try (PodNetwork net = PodNetwork.create()) {
            ContainerRunner c = ContainerRunner.of(pod, backup.container(), net);
            CompletableFuture<BashRunner.Result> earlier = c.start(
                    "exec 9<" + WizardRelease.MOUNT + "; flock 9; sleep 6", Duration.ofSeconds(30));
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
