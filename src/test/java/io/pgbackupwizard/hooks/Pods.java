package io.pgbackupwizard.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.BitnamiServer;
import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.ContainerRunner;
import io.pgbackupwizard.testsupport.PodNetwork;
import io.pgbackupwizard.testsupport.RenderedPod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Steps the container tests share: the wizard's HelmChart rendered by KOTS, then by Helm, into the pod; and, for the
 * option and failure tests that still run on bubblewrap (ContainerRunner + BitnamiServer, an imitation of the image's
 * first boot on the host's root), a round trip there. The round trips of every chart version run in a real container
 * (RealContainerRoundTripTest).
 */
final class Pods {
    private Pods() {}

    static Stream<String> versions() {
        return ChartRenderer.versions().stream();
    }


    static final Duration HOOK_TIMEOUT = Duration.ofSeconds(60);

    static RenderedPod render(String version, Map<String, String> params, Map<String, Object> extraValues) {
        return RenderedPod.of(ChartRenderer.render(version, WizardRelease.RELEASE,
                WizardRelease.values(version, params, extraValues)).requireOk());
    }

    /** The Bitnami server of {@code container}, through its first boot, with the pod's env and Secret files. */
    static BitnamiServer bootedServer(PodNetwork net, ContainerRunner c, RenderedPod pod, String container) {
        BitnamiServer pg = BitnamiServer.of(net, c.env(), pod.secretFiles(container));
        pg.firstBoot(Duration.ZERO);
        return pg;
    }

    /** The sample data, plus an extension the postgres superuser owns (what an in-place restore must replace). */
    static void seed(BitnamiServer pg) {
        SampleData.load(pg::sql, pg.user(), pg.database());
        SampleData.addPostgresOwnedExtension(pg::sql, pg.user(), pg.database());
    }

    /** Backup in one pod, restore in a fresh one through first boot; returns the dump's size in bytes. */
    static long roundTrip(RenderedPod pod) {
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        VeleroExec restore = VeleroExec.of(pod, VeleroExec.RESTORE);
        assertEquals(backup.container(), restore.container());
        String before;
        String extensionsBefore;
        Path dumpDir;
        long size;
        try (PodNetwork net = PodNetwork.create()) {
            ContainerRunner c = ContainerRunner.of(pod, backup.container(), net);
            try (BitnamiServer pg = bootedServer(net, c, pod, backup.container())) {
                seed(pg);
                before = SampleData.fingerprint(pg::sql, pg.database());
                extensionsBefore = SampleData.extensionFingerprint(pg::sql, pg.database());
                BashRunner.Result r = c.exec(backup.argv(), HOOK_TIMEOUT);
                assertEquals(0, r.exitCode(), () -> "backup hook failed in the container:\n" + r.stderr());
            }
            dumpDir = c.mountDir(WizardRelease.MOUNT);
            size = sizeOf(dumpDir);
            assertTrue(size > 0, "backup hook left no dump in the scratch volume");
        }
        // Velero restores the scratch volume's files into a new pod; everything else starts empty.
        try (PodNetwork net = PodNetwork.create()) {
            ContainerRunner c = ContainerRunner.of(pod, restore.container(), net);
            try (Stream<Path> files = Files.list(dumpDir)) {
                files.filter(Files::isRegularFile).forEach(f -> c.restoreFile(WizardRelease.MOUNT, f));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            CompletableFuture<BashRunner.Result> hook = c.start(restore.script(), HOOK_TIMEOUT);
            sleep(1500);
            try (BitnamiServer pg = BitnamiServer.of(net, c.env(), pod.secretFiles(restore.container()))) {
                pg.firstBoot(Duration.ofSeconds(3));
                BashRunner.Result r = hook.join();
                assertEquals(0, r.exitCode(), () -> "restore hook failed in the container:\n" + r.stdout() + r.stderr());
                assertEquals(before, SampleData.fingerprint(pg::sql, pg.database()), "restored rows differ");
                assertEquals(extensionsBefore, SampleData.extensionFingerprint(pg::sql, pg.database()));
            }
        }
        return size;
    }

    static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
