package io.pgbackupwizard.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.pgbackupwizard.generate.migrate.CopyScript;
import io.pgbackupwizard.hooks.RealPods.Db;
import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.PodmanPod;
import io.pgbackupwizard.testsupport.RenderedPod;

/**
 * The migration's copy across a major version, in real containers: the Bitnami chart's pod (the Bitnami-like image's
 * own first boot; Debian's PostgreSQL 15 standing in) beside the groundhog2k chart's pod (the official image's
 * entrypoint with PostgreSQL 17), sharing a loopback as two pods of one namespace share a network. The copy script
 * runs in the target's container, as the Job would run in the target's image: the new chart's superuser makes the
 * roles, its user owns the copy. What it does not prove: the Job, Services and Helm ordering around it (not generated
 * yet), Kubernetes networking, PostgreSQL 18.
 */
@Tag("slow")
class MigrationCopyRealContainerTest {

    static final String SOURCE = "bitnami 17.1.0";
    static final String TARGET = "groundhog2k 1.5.14";

    @Test
    void aBitnamiDatabaseMovesToTheOfficialImageAcrossAMajorVersion() {
        RenderedPod source = Pods.render(SOURCE, Map.of());
        RenderedPod target = Pods.render(TARGET, Map.of());
        String sourceContainer = VeleroExec.of(source, VeleroExec.BACKUP).container();
        String targetContainer = VeleroExec.of(target, VeleroExec.BACKUP).container();
        try (PodmanPod a = PodmanPod.start(source, sourceContainer, Pods.image(SOURCE))) {
            Db from = Db.of(a);
            a.waitFinalServer(from.user(), from.password(), from.name(), RealPods.BOOT);
            SampleData.load(from::sql, from.user(), from.name());
            SampleData.addLargeObject(from::sql, from.user(), from.name());
            SampleData.addPostgresOwnedExtension(from::superuserSql, from.user(), from.name());
            String before = from.fingerprint(true);
            try (PodmanPod b = PodmanPod.start(target, targetContainer, Pods.image(TARGET),
                    PodmanPod.Options.NONE.besides(a, Map.of("PGPORT", "5433")))) {
                Db to = Db.of(b);
                b.waitFinalServer(to.user(), to.password(), to.name(), RealPods.BOOT);
                String sourceVersion = from.sql(from.name(), "SELECT current_setting('server_version_num')::int / 10000");
                String targetVersion = to.sql(to.name(), "SELECT current_setting('server_version_num')::int / 10000");
                assertTrue(Integer.parseInt(targetVersion) > Integer.parseInt(sourceVersion),
                        "across a major version: " + sourceVersion + " -> " + targetVersion);

                List<String> argv = new ArrayList<>(List.of("env",
                        "SOURCE_HOST=127.0.0.1", "SOURCE_PORT=5432", "SOURCE_USER=postgres",
                        "SOURCE_PASSWORD=" + a.secret("POSTGRES_POSTGRES_PASSWORD"), "SOURCE_DB=" + from.name(),
                        "TARGET_HOST=127.0.0.1", "TARGET_PORT=5433", "TARGET_USER=postgres",
                        "TARGET_PASSWORD=" + b.secret("POSTGRES_PASSWORD"), "TARGET_DB=" + to.name(),
                        "TARGET_OWNER=" + to.user(), "/bin/bash", "-c", CopyScript.script()));
                BashRunner.Result r = b.exec(argv, Duration.ofMinutes(3));
                assertEquals(0, r.exitCode(), () -> "copy failed: " + r.stderr() + "\n" + r.stdout());
                assertEquals(before, to.fingerprint(true), "the copy, owned by the same user, equal row for row");
                assertEquals(before, from.fingerprint(true), "the source is only read");

                BashRunner.Result again = b.exec(argv, Duration.ofMinutes(1));
                assertEquals(0, again.exitCode(), again::toString);
                assertTrue(again.stdout().startsWith("already copied"), again.stdout());
                System.out.printf("[harness] migration %s (PostgreSQL %s) -> %s (PostgreSQL %s): %s", SOURCE, sourceVersion,
                        TARGET, targetVersion, r.stdout());
            }
        }
    }
}
