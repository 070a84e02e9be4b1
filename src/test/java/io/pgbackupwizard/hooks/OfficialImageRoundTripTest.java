package io.pgbackupwizard.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.chart.ChartFamily;
import io.pgbackupwizard.hooks.RealPods.Outcome;
import io.pgbackupwizard.hooks.RealPods.Timing;
import io.pgbackupwizard.testsupport.ChartRenderer;
import io.pgbackupwizard.testsupport.OfficialImages;
import io.pgbackupwizard.testsupport.PodmanPod;
import io.pgbackupwizard.testsupport.RenderedPod;

/**
 * The wizard's hooks for the charts on the official postgres image, in a REAL container of a stand-in for that image
 * (official-like.sh: its Dockerfile's steps and its OWN docker-entrypoint.sh doing the first boot), started as the
 * family's rendered StatefulSet starts the pod: the chart's args (its postgresql.conf from a ConfigMap), uid and group
 * 999, fsGroup, the env from the chart's Secret, the data under /var/lib/postgresql. The same round trip as
 * {@link RealContainerRoundTripTest}: seed, backup hook as Velero execs it, only the scratch volume copied out, the pod
 * and its data deleted, a new pod with only that volume restored, the restore hook, equal data.
 *
 * <p>
 * The race here differs from Bitnami's: the entrypoint's temporary server listens on the socket only
 * ({@code listen_addresses=''}), so the hooks' TCP connection to 127.0.0.1 first answers on the final server, and the
 * chart's readiness probe (pg_isready over TCP) passes only there too. Both of Velero's timings are run: the hook
 * exec'd as the container starts (racing the first boot) and at the first passing readiness probe. What the stand-in
 * does not prove: PostgreSQL 18 itself (Debian's 17 stands in), containerd, the kubelet and Velero.
 */
@Tag("slow")
class OfficialImageRoundTripTest {

    /** Every version of every official-image family among the test inputs, each timing, each dump format. */
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (ChartFamily family : List.of(ChartFamily.CLOUDPIRATES, ChartFamily.GROUNDHOG2K)) {
            for (String v : ChartRenderer.versions(family)) {
                for (Timing timing : Timing.values()) {
                    for (String format : List.of("custom", "plain")) {
                        // where the chart has a superuser beside its user, the hooks go round both
                        String hookUser = family.facts(family.version(v)).userIsSuperuser()
                                || (out.size() + timing.ordinal()) % 2 == 0 ? "app"
                                        : "postgres";
                        out.add(Arguments.of(family, v, timing, format, hookUser));
                    }
                }
            }
        }
        return out.stream();
    }

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest(name = "{0} {1}, restore {2}, {3}, hooks as {4}")
    @MethodSource("cases")
    void roundTripThroughTheOfficialEntrypointsFirstBoot(ChartFamily family, String version, Timing timing, String format,
            String hookUser) {
        RenderedPod pod = Pods.render(family, version, Map.of("dumpFormat", format, "hookUser", hookUser));
        String container = VeleroExec.of(pod, VeleroExec.BACKUP).container();
        assertEquals(999L, pod.runAsUser(container), "the official image's postgres user");
        Outcome o = RealPods.roundTripOk(pod, OfficialImages.forChart(family, version), timing, PodmanPod.Options.NONE);
        assertEquals(List.of(), o.scratchAfterRestore(), "the restore deletes the dump it loaded");
        assertTrue(o.log().contains("PostgreSQL init process complete"),
                () -> "the official entrypoint did the first boot:\n" + o.log());
        System.out.printf("[harness] %s %s %s %s %s: backup %d ms, restore %d ms, dump %d bytes%n", family.param(), version,
                timing, format, hookUser, o.backupMillis(), o.restoreMillis(), o.dumpBytes());
    }
}
