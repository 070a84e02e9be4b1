package io.pgbackupwizard.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.BitnamiServer;
import io.pgbackupwizard.testsupport.ContainerRunner;
import io.pgbackupwizard.testsupport.PodNetwork;
import io.pgbackupwizard.testsupport.RenderedPod;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dump format and hook user fields, proven in the rendered container. */
@Tag("slow")
class ContainerHookOptionsTest {

    @ParameterizedTest(name = "chart {0}")
    @ValueSource(strings = {"8.7.4", "17.1.0"})
    void bothDumpFormatsRoundTripAndCustomIsSmaller(String version) {
        long custom = Pods.roundTrip(Pods.render(version, Map.of("dumpFormat", "custom"), Map.of()));
        long plain = Pods.roundTrip(Pods.render(version, Map.of("dumpFormat", "plain"), Map.of()));
        System.out.printf("[harness] chart %s dump sizes: plain %d bytes, custom -Z1 %d bytes%n", version, plain, custom);
        assertTrue(custom < plain, "custom " + custom + " >= plain " + plain);
    }

    /** The superuser's password comes from $POSTGRES_POSTGRES_PASSWORD (11.x) or its _FILE variant (16.6.0+). */
    @ParameterizedTest(name = "chart {0}")
    @ValueSource(strings = {"11.9.13", "17.1.0"})
    void postgresHookUserRoundTripsThroughFirstBoot(String version) {
        RenderedPod pod = Pods.render(version, Map.of("hookUser", "postgres"), Map.of());
        Pods.roundTrip(pod);
    }

    /**
     * In place (a manual velero restore into the live namespace): the database still holds the extension postgres
     * owns. Only the superuser may drop and recreate it; the app user fails and changes nothing.
     */
    @ParameterizedTest(name = "chart {0}, hookUser {1}")
    @CsvSource({"17.1.0, postgres, true", "17.1.0, app, false", "11.9.13, postgres, true"})
    void inPlaceRestoreNeedsTheOwnerOfTheExtension(String version, String hookUser, boolean succeeds) {
        RenderedPod pod = Pods.render(version, Map.of("hookUser", hookUser), Map.of());
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        VeleroExec restore = VeleroExec.of(pod, VeleroExec.RESTORE);
        try (PodNetwork net = PodNetwork.create()) {
            ContainerRunner c = ContainerRunner.of(pod, backup.container(), net);
            try (BitnamiServer pg = Pods.bootedServer(net, c, pod, backup.container())) {
                Pods.seed(pg);
                String before = SampleData.fingerprint(pg::sql, pg.database());
                assertEquals(0, c.exec(backup.argv(), Pods.HOOK_TIMEOUT).exitCode());
                SampleData.change(pg::sql, pg.database());
                String changed = SampleData.fingerprint(pg::sql, pg.database());
                BashRunner.Result r = c.exec(restore.argv(), Pods.HOOK_TIMEOUT);
                if (succeeds) {
                    assertEquals(0, r.exitCode(), () -> "restore failed: " + r.stderr());
                    assertEquals(before, SampleData.fingerprint(pg::sql, pg.database()));
                    assertEquals("", r.stdout(), "the restore's output must stay out of Velero's log");
                } else {
                    assertNotEquals(0, r.exitCode());
                    assertTrue(r.stderr().contains("must be owner of extension pgcrypto"), r.stderr());
                    assertEquals(changed, SampleData.fingerprint(pg::sql, pg.database()), "a failed restore changed data");
                }
            }
        }
    }

    @Test
    void postgresHookUserIsRefusedForChartsBefore11() {
        var r = new io.pgbackupwizard.model.WizardInputParser().parse(Map.of("chartVersion", java.util.List.of("10.16.2"),
                "hookUser", java.util.List.of("postgres")));
        assertEquals(java.util.List.of("hookUser"), r.errors().stream().map(e -> e.field()).toList());
    }
}
