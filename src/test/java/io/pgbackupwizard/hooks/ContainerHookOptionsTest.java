package io.pgbackupwizard.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.pgbackupwizard.hooks.RealPods.Db;
import io.pgbackupwizard.hooks.RealPods.Outcome;
import io.pgbackupwizard.hooks.RealPods.Timing;
import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.BitnamiImages;
import io.pgbackupwizard.testsupport.PodmanPod;
import io.pgbackupwizard.testsupport.RenderedPod;

/** The dump format and hook user fields, and a starved CPU, proven in the real container (PodmanPod). */
// Each test is @Execution(CONCURRENT): two pods at a time (the failsafe configuration in pom.xml), since their time is the
// first boot, not CPU. The class stays on one thread, so its report holds only its own tests.
@Tag("slow")
class ContainerHookOptionsTest {

    static Outcome roundTrip(String version, Map<String, String> params, PodmanPod.Options options) {
        Outcome o = RealPods.roundTripOk(Pods.render(version, params, Map.of()), BitnamiImages.forChart(version),
                Timing.IMMEDIATE, options);
        assertEquals("", o.restore().stdout(), "the restore's output stays out of Velero's log");
        return o;
    }

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "chart {0}")
    @ValueSource(strings = { "8.7.4", "17.1.0" })
    void bothDumpFormatsRoundTripAndCustomIsSmaller(String version) {
        long custom = roundTrip(version, Map.of("dumpFormat", "custom"), PodmanPod.Options.NONE).dumpBytes();
        long plain = roundTrip(version, Map.of("dumpFormat", "plain"), PodmanPod.Options.NONE).dumpBytes();
        System.out.printf("[harness] chart %s dump sizes: plain %d bytes, custom -Z1 %d bytes%n", version, plain, custom);
        assertTrue(custom < plain, "custom " + custom + " >= plain " + plain);
    }

    /** The superuser's password comes from $POSTGRES_POSTGRES_PASSWORD (11.x) or its _FILE variant (16.6.0+). */
    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "chart {0}")
    @ValueSource(strings = { "11.9.13", "17.1.0" })
    void postgresHookUserRoundTripsThroughFirstBoot(String version) {
        Outcome o = roundTrip(version, Map.of("hookUser", "postgres"), PodmanPod.Options.NONE);
        assertTrue(o.before().contains("token="),
                "the table using the postgres-owned extension was part of the data: " + o.before());
    }

    /** Bitnami's "nano" preset CPU (150m) on the pod, both hooks: slower, still whole; the official image's too. */
    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "bitnami 17.1.0", "cloudpirates 0.20.1" })
    void aStarvedCpuStillRoundTrips(String chart) {
        Outcome o = RealPods.roundTripOk(Pods.render(chart, Map.of()), Pods.image(chart), Timing.IMMEDIATE,
                PodmanPod.Options.NONE.cpus(0.15));
        assertEquals("", o.restore().stdout(), "the restore's output stays out of Velero's log");
        System.out.printf("[harness] %s, 150m CPU: backup %d ms, restore %d ms%n", chart, o.backupMillis(),
                o.restoreMillis());
    }

    /**
     * In place (a manual velero restore into the live namespace): the database still holds the extension postgres
     * owns. Only the superuser may drop and recreate it; the app user fails and changes nothing.
     */
    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "chart {0}, hookUser {1}")
    @CsvSource({ "bitnami 17.1.0, postgres, true", "bitnami 17.1.0, app, false", "bitnami 11.9.13, postgres, true",
            "groundhog2k 1.6.7, postgres, true", "groundhog2k 1.6.7, app, false" })
    void inPlaceRestoreNeedsTheOwnerOfTheExtension(String chart, String hookUser, boolean succeeds) {
        RenderedPod pod = Pods.render(chart, Map.of("hookUser", hookUser));
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        VeleroExec restore = VeleroExec.of(pod, VeleroExec.RESTORE);
        try (PodmanPod c = PodmanPod.start(pod, backup.container(), Pods.image(chart))) {
            Db db = Db.of(c);
            c.waitFinalServer(db.user(), db.password(), db.name(), RealPods.BOOT);
            SampleData.load(db::sql, db.user(), db.name());
            SampleData.addPostgresOwnedExtension(db::superuserSql, db.user(), db.name());
            String before = db.fingerprint(false);
            assertEquals(0, c.exec(backup.argv(), Pods.HOOK_TIMEOUT).exitCode());
            SampleData.change(db::sql, db.name());
            String changed = db.fingerprint(false);
            BashRunner.Result r = c.exec(restore.argv(), Pods.HOOK_TIMEOUT);
            if (succeeds) {
                assertEquals(0, r.exitCode(), () -> "restore failed: " + r.stderr());
                assertEquals(before, db.fingerprint(false));
                assertEquals("", r.stdout(), "the restore's output must stay out of Velero's log");
            } else {
                assertNotEquals(0, r.exitCode());
                assertTrue(r.stderr().contains("must be owner of extension pgcrypto"), r.stderr());
                assertEquals(changed, db.fingerprint(false), "a failed restore changed data");
            }
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void postgresHookUserIsRefusedForChartsBefore11() {
        var r = new io.pgbackupwizard.model.WizardInputParser().parse(Map.of("chartVersion", List.of("10.16.2"),
                "hookUser", List.of("postgres")));
        assertEquals(List.of("hookUser"), r.errors().stream().map(e -> e.field()).toList());
    }
}
