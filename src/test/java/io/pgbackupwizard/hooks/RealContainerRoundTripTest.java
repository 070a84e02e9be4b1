package io.pgbackupwizard.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.hooks.RealPods.Outcome;
import io.pgbackupwizard.hooks.RealPods.Timing;
import io.pgbackupwizard.testsupport.BashRunner;
import io.pgbackupwizard.testsupport.BitnamiImages;
import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.PodmanPod;
import io.pgbackupwizard.testsupport.RenderedPod;

/**
 * The wizard's hooks in a REAL container (podman + runc) of a Bitnami-like image that runs the image's OWN first-boot
 * scripts, started as the rendered StatefulSet starts the pod (PodmanPod says how, and what it does not prove): seed,
 * backup hook as Velero execs it, the scratch volume copied out, the pod and its data deleted, a new pod with only the
 * scratch volume restored, the restore hook, equal data. Both timings Velero has: the hook exec'd as the container
 * starts (Velero's default, racing the first boot), and at the first passing readiness probe, probed as the kubelet
 * probes (wait-for-ready), which already passes on the first boot's temporary server.
 */
// Each test is @Execution(CONCURRENT): two pods at a time (the failsafe configuration in pom.xml), since their time is the
// first boot, not CPU. The class stays on one thread, so its report holds only its own tests.
@Tag("slow")
class RealContainerRoundTripTest {

    /** Velero's exec timeout for the pre-fix hooks: a hook that spins is cut here, as Velero cuts it. */
    static final Duration PRE_FIX_TIMEOUT = Duration.ofSeconds(15);

    /**
     * Every chart version with the hook racing the first boot (the harder timing); the kubelet-timed one (10 s probe
     * periods) once per image generation, the newest chart of each. The dump format and hook user go round the four
     * combinations over the versions (postgres where the chart gives the container its password, else the app's
     * user), so each format meets each hook user, each image generation and each timing without a full product.
     */
    static Stream<Arguments> versionsAndTimings() {
        List<String> versions = ChartRenderer.versions();
        Map<String, String> newestPerImage = new java.util.TreeMap<>();
        for (String v : versions)
            newestPerImage.put(BitnamiImages.generation(v), v); // versions come oldest first
        List<Arguments> cases = new java.util.ArrayList<>();
        for (String v : versions)
            cases.add(Arguments.of(v, Timing.IMMEDIATE, options(v, cases.size())));
        for (String v : newestPerImage.values())
            cases.add(Arguments.of(v, Timing.READY, options(v, cases.size() + 1)));
        return cases.stream();
    }

    /** The i-th of custom/app, plain/postgres, custom/postgres, plain/app. */
    static Map<String, String> options(String version, int i) {
        boolean postgresAllowed = ChartFamily.BITNAMI.facts(ChartFamily.BITNAMI.version(version)).superuserPassword();
        String format = i % 2 == 0 ? "custom" : "plain";
        boolean postgres = (i % 4 == 1 || i % 4 == 2) && postgresAllowed;
        return Map.of("dumpFormat", format, "hookUser", postgres ? "postgres" : "app");
    }

    /** A vendor port: the hooks take the container's POSTGRESQL_PORT_NUMBER (audit A10). */
    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "chart {0}, port 6543")
    @ValueSource(strings = { "8.7.4", "10.16.2", "17.1.0" })
    void roundTripOnAChangedPort(String version) {
        Map<String, Object> port = version.startsWith("8.") || version.startsWith("9.")
                ? Map.of("service", Map.of("port", 6543))
                : Map.of("containerPorts", Map.of("postgresql", 6543));
        RenderedPod pod = Pods.render(version, Map.of(), port);
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        assertEquals("6543", pod.env(backup.container()).get("POSTGRESQL_PORT_NUMBER"));
        RealPods.roundTripOk(pod, BitnamiImages.forChart(version), Timing.IMMEDIATE, PodmanPod.Options.NONE);
    }

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "chart {0}, restore {1}, {2}")
    @MethodSource("versionsAndTimings")
    void roundTripThroughTheImagesOwnFirstBoot(String version, Timing timing, Map<String, String> options) {
        RenderedPod pod = Pods.render(version, options, Map.of());
        Outcome o = RealPods.roundTripOk(pod, BitnamiImages.forChart(version), timing, PodmanPod.Options.NONE);
        assertEquals(List.of(), o.scratchAfterRestore(), "the restore deletes the dump it loaded");
        System.out.printf("[harness] chart %s %s %s: backup %d ms, restore %d ms, dump %d bytes%n", version, timing, options,
                o.backupMillis(), o.restoreMillis(), o.dumpBytes());
    }

    /**
     * The hooks as they were before the fixes of audit A1 and A7 fail here, so the harness keeps seeing what it exists
     * to see: without -U libpq asks the passwd database for uid 1001 (none) and pg_isready never answers, so the
     * restore spins until the exec timeout; with -U but any answering server counted as up, the load races the first
     * boot and lands in the temporary server (or fails on it).
     */
    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0}")
    @MethodSource("preFixRestores")
    void preFixRestoreHooksFailInTheRealContainer(String label, String restoreScript) {
        String version = "17.1.0";
        RenderedPod pod = Pods.render(version, Map.of(), Map.of());
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        Outcome o = RealPods.roundTrip(pod, BitnamiImages.forChart(version), List.of("/bin/bash", "-c", restoreScript),
                Timing.IMMEDIATE, PRE_FIX_TIMEOUT, PodmanPod.Options.NONE);
        String stderr = o.restore().stderr().strip();
        System.out.printf("[harness] %s: exit %d, data %s, %s%n", label, o.restore().exitCode(),
                o.before().equals(o.after()) ? "equal" : "not equal", stderr.substring(Math.max(0, stderr.length() - 200)));
        assertTrue(o.restore().exitCode() != 0 || !o.before().equals(o.after()),
                () -> label + ": the pre-fix restore passed in the real container, so the harness no longer sees the fault");
    }

    static Stream<Arguments> preFixRestores() {
        String pw = "PGPASSWORD=\"${POSTGRES_PASSWORD:-$(cat \"$POSTGRES_PASSWORD_FILE\")}\"; export PGPASSWORD";
        String load = "pg_restore --clean --if-exists --single-transaction --exit-on-error -h 127.0.0.1 -U \"$POSTGRES_USER\""
                + " -d \"$POSTGRES_DATABASE\" --no-password " + WizardRelease.MOUNT + "/backup.dump";
        String head = "set -euo pipefail; test -f " + WizardRelease.MOUNT + "/backup.dump; " + pw + "; ";
        return Stream.of(
                Arguments.of("A1: pg_isready without -U", head + "until pg_isready -q -h 127.0.0.1; do sleep 1; done; " + load),
                Arguments.of("A7: any answering server counts as up", head
                        + "until pg_isready -q -h 127.0.0.1 -U \"$POSTGRES_USER\" -d \"$POSTGRES_DATABASE\"; do sleep 1; done; "
                        + load));
    }

    /** D1 in the real container: a plain backup of a database with a large object is refused, with the reason. */
    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void plainBackupRefusesLargeObjectsInTheRealContainer() {
        String version = "17.1.0";
        RenderedPod pod = Pods.render(version, Map.of("dumpFormat", "plain"), Map.of());
        VeleroExec backup = VeleroExec.of(pod, VeleroExec.BACKUP);
        try (PodmanPod a = PodmanPod.start(pod, backup.container(), BitnamiImages.forChart(version))) {
            RealPods.Db db = RealPods.Db.of(a);
            a.waitFinalServer(db.user(), db.password(), db.name(), RealPods.BOOT);
            SampleData.addLargeObject(db::sql, db.user(), db.name());
            BashRunner.Result r = a.exec(backup.argv(), Pods.HOOK_TIMEOUT);
            assertNotEquals(0, r.exitCode(), r::toString);
            assertTrue(r.stderr().contains("use dumpFormat custom"), r::toString);
            assertEquals(List.of(), HookFixture.filesIn(a.mountDir(WizardRelease.MOUNT)));
        }
    }
}
