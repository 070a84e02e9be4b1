package io.pgbackupwizard.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.pgbackupwizard.generate.Release;
import io.pgbackupwizard.generate.ReleaseFile;
import io.pgbackupwizard.generate.hooks.ShellQuote;
import io.pgbackupwizard.generate.migrate.CopyScript;
import io.pgbackupwizard.generate.migrate.MigrationConfig;
import io.pgbackupwizard.generate.text.MigrationGuide;
import io.pgbackupwizard.hooks.RealPods.Db;
import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.KotsRenderer;
import io.pgbackupwizard.testsupport.MigrationJob;
import io.pgbackupwizard.testsupport.PodmanPod;
import io.pgbackupwizard.testsupport.RenderedPod;

/**
 * The migration release's Job, in real containers, across a major version: the Bitnami chart's pod (the Bitnami-like
 * image's own first boot; Debian's PostgreSQL 15 standing in) with data of every common type, beside the groundhog2k
 * chart's pod as the wizard's HelmChart makes it (the official image's entrypoint with PostgreSQL 17), sharing a
 * loopback as two pods of one namespace share a network. The Job is the migration chart rendered by Helm from the
 * release's own files and the KOTS-rendered HelmChart: its script (from its ConfigMap) runs in the target's container
 * with the Job's environment, each secretKeyRef read from the Secret the two charts render. Stand-ins: the Services'
 * names become 127.0.0.1 (the target's port 5433), so Kubernetes DNS and networking are not proven; the Job runs in
 * the target's pod rather than its own (same image, same user); no installer runs it as a hook; PostgreSQL 18 is not
 * among this machine's packages.
 */
@Tag("slow")
class MigrationJobRealContainerTest {

    static final String SOURCE = "bitnami 17.1.0";
    static final String TARGET = "groundhog2k 1.5.14";
    /** The old chart keeps the release the other container tests use; the new one gets its own. */
    static final String NEW_RELEASE = "myapp-db";

    @Test
    void theGeneratedJobMovesABitnamiDatabaseToTheNewChartAcrossAMajorVersion() {
        RenderedPod source = Pods.render(SOURCE, Map.of());
        RenderedPod target = Pods.render(TARGET, Map.of("name", NEW_RELEASE));
        Release release = migration();
        MigrationJob job = job(release);

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
                // the Job waits for the new server itself: it is started while the first boot may still run
                List<String> argv = jobArgv(job, source, target);
                String sourceVersion = from.sql(from.name(), "SELECT current_setting('server_version_num')::int / 10000");
                BashRunner.Result r = b.exec(argv, Duration.ofMinutes(4));
                assertEquals(0, r.exitCode(), () -> "the Job failed: " + r.stderr() + "\n" + r.stdout());
                String targetVersion = to.sql(to.name(), "SELECT current_setting('server_version_num')::int / 10000");
                assertTrue(Integer.parseInt(targetVersion) > Integer.parseInt(sourceVersion),
                        "across a major version: " + sourceVersion + " -> " + targetVersion);
                assertEquals(before, to.fingerprint(true), "the copy, owned by the same user, equal row for row");
                assertEquals("on", from.superuserSql(from.name(), "SHOW default_transaction_read_only"),
                        "the old database takes no more writes");

                BashRunner.Result again = b.exec(argv, Duration.ofMinutes(1));
                assertEquals(0, again.exitCode(), again::toString);
                assertTrue(again.stdout().startsWith("already copied"), again.stdout());
                assertEquals(before, to.fingerprint(true), "a second run changes nothing");

                // the guide's rollback, in the old chart's container, the password on stdin as kubectl would pipe it
                String thaw = MigrationGuide.thawInPod(release.input());
                assertTrue(MigrationGuide.thawCommand(release.input()).endsWith(ShellQuote.quote(thaw)));
                Map<?, ?> ref = (Map<?, ?>) job.env().get("SOURCE_PASSWORD");
                BashRunner.Result thawed = a.exec(List.of("env", "PW=" + source.secret((String) ref.get("name"))
                        .get(ref.get("key")), "CMD=" + thaw, "/bin/bash", "-c", "printf %s \"$PW\" | bash -c \"$CMD\""),
                        Duration.ofMinutes(1));
                assertEquals(0, thawed.exitCode(), thawed::toString);
                assertEquals("off", from.superuserSql(from.name(), "SHOW default_transaction_read_only"),
                        "rolled back: the old database takes writes again");

                // the new database then holds tables that are no copy (a customer who started over on it): refused,
                // nothing moved, the old database writable again
                to.superuserSql(to.name(), "DROP SCHEMA " + CopyScript.MARKER + " CASCADE;");
                to.sql(to.name(), "CREATE TABLE started_over (id int); INSERT INTO started_over VALUES (1);");
                BashRunner.Result refused = b.exec(argv, Duration.ofMinutes(2));
                assertNotEquals(0, refused.exitCode(), refused::toString);
                assertTrue(refused.stderr().contains("refused"), refused.stderr());
                assertEquals("1", to.sql(to.name(), "SELECT count(*) FROM started_over"));
                assertEquals("off", from.superuserSql(from.name(), "SHOW default_transaction_read_only"),
                        "refused: the old database takes writes again");
                System.out.printf("[harness] migration Job %s (PostgreSQL %s) -> %s (PostgreSQL %s): %s", SOURCE,
                        sourceVersion, TARGET, targetVersion, r.stdout());
            }
        }
    }

    /** The wizard's move from the Bitnami chart the other container tests run to the groundhog2k chart. */
    static Release migration() {
        return WizardRelease.release(Pods.version(TARGET), Map.of("chartFamily", "groundhog2k", "name", NEW_RELEASE,
                "migrateFrom", Pods.version(SOURCE), "migrateFromRelease", WizardRelease.RELEASE, "installPath", "kots"));
    }

    /** Its Job: the migration HelmChart through KOTS (the replace switch off), the migration chart through Helm. */
    static MigrationJob job(Release release) {
        KotsRenderer.Result kots = new KotsRenderer.Inputs(Map.of(MigrationConfig.REPLACE, "0",
                release.input().typeOption(), release.input().embeddedValue()), Map.of(), null)
                .render(release.text(ReleaseFile.MIGRATION_HELMCHART));
        return MigrationJob.render(release, kots.releaseName(), kots.values());
    }

    /**
     * The Job's command with its environment: plain values as rendered, each secretKeyRef read from the Secret of the
     * chart it names (a name neither chart renders fails here), and the two Services' names on this shared loopback.
     */
    @SuppressWarnings("unchecked")
    static List<String> jobArgv(MigrationJob job, RenderedPod source, RenderedPod target) {
        Map<String, String> env = new LinkedHashMap<>();
        job.env().forEach((name, value) -> {
            if (value instanceof Map<?, ?> ref) {
                RenderedPod pod = name.startsWith("SOURCE_") ? source : target;
                String secret = pod.secret((String) ref.get("name")).get(ref.get("key"));
                assertTrue(secret != null, () -> name + ": no key " + ref.get("key") + " in Secret " + ref.get("name"));
                env.put(name, secret);
            } else {
                env.put(name, (String) value);
            }
        });
        env.put("SOURCE_HOST", "127.0.0.1");
        env.put("TARGET_HOST", "127.0.0.1");
        env.put("TARGET_PORT", "5433");
        assertEquals(List.of("bash", "/migration/copy.sh"), job.container().get("command"));
        List<String> argv = new ArrayList<>(List.of("env"));
        env.forEach((k, v) -> argv.add(k + "=" + v));
        argv.addAll(List.of("/bin/bash", "-c", job.script()));
        return argv;
    }
}
