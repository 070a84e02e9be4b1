package io.pgbackupwizard.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pgbackupwizard.testsupport.RenderedPod;

/** The Velero annotations, checked against the pod each chart version really renders. */
@Tag("slow")
class RenderedHookAnnotationsTest {

    static java.util.stream.Stream<String> versions() {
        return Pods.versions();
    }

    @ParameterizedTest(name = "chart {0}")
    @MethodSource("versions")
    void hooksNameThePostgresContainer(String version) {
        RenderedPod pod = Pods.render(version, Map.of(), Map.of());
        for (String hook : new String[] { VeleroExec.BACKUP, VeleroExec.RESTORE }) {
            Object named = pod.annotations().get(hook + "/container");
            assertTrue(named != null, hook + "/container is not written: a mesh proxy injected first would get the hook");
            String container = named.toString();
            assertTrue(pod.containerNames().contains(container), container + " is not in " + pod.containerNames());
            assertTrue(pod.env(container).containsKey("POSTGRESQL_PORT_NUMBER"), container + " is not PostgreSQL");
            assertTrue(pod.writableMounts(container).stream().anyMatch(m -> m.mountPath().equals(WizardRelease.MOUNT)),
                    container + " does not mount the scratch volume");
        }
    }

    @ParameterizedTest(name = "chart {0}")
    @MethodSource("versions")
    void errorModesAndReadinessAreWritten(String version) {
        Map<String, Object> a = Pods.render(version, Map.of(), Map.of()).annotations();
        assertEquals("Fail", a.get(VeleroExec.BACKUP + "/on-error"), "absent acts like Continue for annotation hooks");
        assertEquals("Continue", a.get(VeleroExec.RESTORE + "/on-error"));
        assertEquals("true", a.get(VeleroExec.RESTORE + "/wait-for-ready"));
    }

    /** A Velero with defaultVolumesToFsBackup backs up every volume not excluded: only the scratch may remain. */
    @ParameterizedTest(name = "chart {0}")
    @MethodSource("versions")
    void optOutModeBacksUpOnlyTheScratchVolume(String version) {
        RenderedPod pod = Pods.render(version, Map.of(), Map.of());
        Object excludes = pod.annotations().get("backup.velero.io/backup-volumes-excludes");
        assertTrue(excludes != null, "backup.velero.io/backup-volumes-excludes is not written");
        Set<String> left = new TreeSet<>(pod.volumeNames());
        left.removeAll(Arrays.asList(excludes.toString().split(",", -1)));
        assertEquals(Set.of("backup"), left, "volumes a Velero in opt-out mode would copy besides the dump");
    }
}
